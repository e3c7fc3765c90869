-- V0020: 等保 password policy: when a password was set (expiry, a reset must be changed) and the hashes of earlier ones (no reuse).
ALTER TABLE "Users" ADD "PasswordChangedAt" timestamp with time zone NULL;

CREATE TABLE "PasswordHistories" (
    "Id" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    "PasswordHash" character varying(400) NOT NULL,
    "ChangedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_PasswordHistories" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_PasswordHistories_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_PasswordHistories_UserId_ChangedAt" ON "PasswordHistories" ("UserId", "ChangedAt");
