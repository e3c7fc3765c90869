-- V0020: 等保 password policy: when a password was set (expiry, a reset must be changed) and the hashes of earlier ones (no reuse).
ALTER TABLE "Users" ADD COLUMN "PasswordChangedAt" INTEGER NULL;

CREATE TABLE "PasswordHistories" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_PasswordHistories" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "PasswordHash" TEXT NOT NULL,
    "ChangedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_PasswordHistories_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_PasswordHistories_UserId_ChangedAt" ON "PasswordHistories" ("UserId", "ChangedAt");
