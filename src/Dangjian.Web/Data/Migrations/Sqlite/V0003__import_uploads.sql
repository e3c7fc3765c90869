-- V0003: uploaded rosters kept for preview, application and the error report.
CREATE TABLE "ImportUploads" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ImportUploads" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "OrgUnitId" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "Content" BLOB NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "AppliedAt" INTEGER NULL,
    "ResultJson" TEXT NULL
);

CREATE INDEX "IX_ImportUploads_TenantId_UserId_CreatedAt" ON "ImportUploads" ("TenantId", "UserId", "CreatedAt");
