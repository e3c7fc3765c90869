-- V0007: dues usage (党费使用), append-only with reversals; uploads say which import they belong to (roster or dues bases).
CREATE TABLE "DuesUsages" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DuesUsages" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "OrgUnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "SpentOn" TEXT NOT NULL,
    "AmountFen" INTEGER NOT NULL,
    "Purpose" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "ApprovedBy" TEXT NOT NULL,
    "ApprovedOn" TEXT NOT NULL,
    "ReversesId" TEXT NULL,
    "RecordedByUserId" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL
);

CREATE INDEX "IX_DuesUsages_TenantId_OrgPath_SpentOn" ON "DuesUsages" ("TenantId", "OrgPath", "SpentOn");
CREATE UNIQUE INDEX "IX_DuesUsages_TenantId_ReversesId" ON "DuesUsages" ("TenantId", "ReversesId");

-- Uploads made before this version are roster uploads.
ALTER TABLE "ImportUploads" ADD COLUMN "Kind" TEXT NOT NULL DEFAULT 'members';
