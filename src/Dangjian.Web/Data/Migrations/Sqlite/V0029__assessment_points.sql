-- V0029: assessment points bank: the tenant's scheme and its items, the lines of points and the yearly balances.

CREATE TABLE "PointsSchemes" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_PointsSchemes" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "Base" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    "UpdatedBy" TEXT NOT NULL
);

CREATE UNIQUE INDEX "IX_PointsSchemes_TenantId" ON "PointsSchemes" ("TenantId");

CREATE TABLE "PointsRules" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_PointsRules" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Source" TEXT NOT NULL,
    "Points" INTEGER NOT NULL,
    "DailyCap" INTEGER NULL,
    "MonthlyCap" INTEGER NULL,
    "YearlyCap" INTEGER NULL,
    "Active" INTEGER NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    "UpdatedBy" TEXT NOT NULL
);

CREATE UNIQUE INDEX "IX_PointsRules_TenantId_Code" ON "PointsRules" ("TenantId", "Code");

CREATE TABLE "PointsEntries" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_PointsEntries" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "MemberId" TEXT NOT NULL,
    "MemberName" TEXT NOT NULL,
    "OrgUnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Day" TEXT NOT NULL,
    "Year" INTEGER NOT NULL,
    "Month" INTEGER NOT NULL,
    "RuleId" TEXT NOT NULL,
    "RuleCode" TEXT NOT NULL,
    "RuleName" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Points" INTEGER NOT NULL,
    "Reason" TEXT NULL,
    "SourceKey" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "ClaimedById" TEXT NULL,
    "ClaimedBy" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "DecidedById" TEXT NULL,
    "DecidedBy" TEXT NULL,
    "DecidedAt" INTEGER NULL,
    "RejectReason" TEXT NULL
);

CREATE UNIQUE INDEX "IX_PointsEntries_TenantId_MemberId_RuleId_SourceKey" ON "PointsEntries" ("TenantId", "MemberId", "RuleId", "SourceKey");

CREATE INDEX "IX_PointsEntries_TenantId_MemberId_Year" ON "PointsEntries" ("TenantId", "MemberId", "Year");

CREATE INDEX "IX_PointsEntries_TenantId_Status_OrgPath" ON "PointsEntries" ("TenantId", "Status", "OrgPath");

CREATE INDEX "IX_PointsEntries_TenantId_Year_Month_OrgPath" ON "PointsEntries" ("TenantId", "Year", "Month", "OrgPath");

CREATE TABLE "PointsBalances" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_PointsBalances" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "MemberId" TEXT NOT NULL,
    "MemberName" TEXT NOT NULL,
    "OrgUnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Year" INTEGER NOT NULL,
    "Total" INTEGER NOT NULL,
    "Lines" INTEGER NOT NULL,
    "LastAt" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "IX_PointsBalances_TenantId_MemberId_Year" ON "PointsBalances" ("TenantId", "MemberId", "Year");

CREATE INDEX "IX_PointsBalances_TenantId_Year_OrgPath" ON "PointsBalances" ("TenantId", "Year", "OrgPath");

CREATE INDEX "IX_PointsBalances_TenantId_Year_Total" ON "PointsBalances" ("TenantId", "Year", "Total");
