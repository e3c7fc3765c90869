-- V0030: assessment check-ups: the quarterly political check-up (self-analysis and review) and the early warnings.

CREATE TABLE "CheckUps" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CheckUps" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "MemberId" TEXT NOT NULL,
    "MemberName" TEXT NOT NULL,
    "OrgUnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Year" INTEGER NOT NULL,
    "Quarter" INTEGER NOT NULL,
    "Ideals" TEXT NULL,
    "Discipline" TEXT NULL,
    "Conduct" TEXT NULL,
    "Role" TEXT NULL,
    "Measures" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NULL,
    "SubmittedAt" INTEGER NULL,
    "Result" TEXT NULL,
    "ReviewComment" TEXT NULL,
    "ReviewedBy" TEXT NULL,
    "ReviewedAt" INTEGER NULL
);

CREATE UNIQUE INDEX "IX_CheckUps_TenantId_MemberId_Year_Quarter" ON "CheckUps" ("TenantId", "MemberId", "Year", "Quarter");

CREATE INDEX "IX_CheckUps_TenantId_Year_Quarter_OrgPath" ON "CheckUps" ("TenantId", "Year", "Quarter", "OrgPath");

CREATE TABLE "EarlyWarnings" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_EarlyWarnings" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "MemberId" TEXT NOT NULL,
    "MemberName" TEXT NOT NULL,
    "OrgUnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Basis" TEXT NOT NULL,
    "RaisedAt" INTEGER NOT NULL,
    "Evidence" TEXT NOT NULL,
    "EvidenceNumber" INTEGER NULL,
    "Status" TEXT NOT NULL,
    "Measure" TEXT NULL,
    "Note" TEXT NULL,
    "HandledByUserId" TEXT NULL,
    "HandledBy" TEXT NULL,
    "HandledAt" INTEGER NULL
);

CREATE UNIQUE INDEX "IX_EarlyWarnings_Open" ON "EarlyWarnings" ("TenantId", "MemberId", "Kind") WHERE "Status" = 'Open';

CREATE UNIQUE INDEX "IX_EarlyWarnings_TenantId_MemberId_Kind_Basis" ON "EarlyWarnings" ("TenantId", "MemberId", "Kind", "Basis");

CREATE INDEX "IX_EarlyWarnings_TenantId_OrgPath_RaisedAt" ON "EarlyWarnings" ("TenantId", "OrgPath", "RaisedAt");
