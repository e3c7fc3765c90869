-- V0029: assessment points bank: the tenant's scheme and its items, the lines of points and the yearly balances.

CREATE TABLE "PointsSchemes" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "Base" integer NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "UpdatedBy" character varying(100) NOT NULL,
    CONSTRAINT "PK_PointsSchemes" PRIMARY KEY ("Id")
);

CREATE UNIQUE INDEX "IX_PointsSchemes_TenantId" ON "PointsSchemes" ("TenantId");

CREATE TABLE "PointsRules" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "Code" character varying(40) NOT NULL,
    "Name" character varying(100) NOT NULL,
    "Kind" character varying(40) NOT NULL,
    "Source" character varying(40) NOT NULL,
    "Points" integer NOT NULL,
    "DailyCap" integer,
    "MonthlyCap" integer,
    "YearlyCap" integer,
    "Active" boolean NOT NULL,
    "SortOrder" integer NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "UpdatedBy" character varying(100) NOT NULL,
    CONSTRAINT "PK_PointsRules" PRIMARY KEY ("Id")
);

CREATE UNIQUE INDEX "IX_PointsRules_TenantId_Code" ON "PointsRules" ("TenantId", "Code");

CREATE TABLE "PointsEntries" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "MemberId" uuid NOT NULL,
    "MemberName" character varying(100) NOT NULL,
    "OrgUnitId" uuid NOT NULL,
    "OrgPath" character varying(400) COLLATE "C" NOT NULL,
    "Day" date NOT NULL,
    "Year" integer NOT NULL,
    "Month" integer NOT NULL,
    "RuleId" uuid NOT NULL,
    "RuleCode" character varying(40) NOT NULL,
    "RuleName" character varying(100) NOT NULL,
    "Kind" character varying(40) NOT NULL,
    "Points" integer NOT NULL,
    "Reason" character varying(200),
    "SourceKey" character varying(100) NOT NULL,
    "Status" character varying(40) NOT NULL,
    "ClaimedById" uuid,
    "ClaimedBy" character varying(100),
    "CreatedAt" timestamp with time zone NOT NULL,
    "DecidedById" uuid,
    "DecidedBy" character varying(100),
    "DecidedAt" timestamp with time zone,
    "RejectReason" character varying(200),
    CONSTRAINT "PK_PointsEntries" PRIMARY KEY ("Id")
);

CREATE UNIQUE INDEX "IX_PointsEntries_TenantId_MemberId_RuleId_SourceKey" ON "PointsEntries" ("TenantId", "MemberId", "RuleId", "SourceKey");

CREATE INDEX "IX_PointsEntries_TenantId_MemberId_Year" ON "PointsEntries" ("TenantId", "MemberId", "Year");

CREATE INDEX "IX_PointsEntries_TenantId_Status_OrgPath" ON "PointsEntries" ("TenantId", "Status", "OrgPath");

CREATE INDEX "IX_PointsEntries_TenantId_Year_Month_OrgPath" ON "PointsEntries" ("TenantId", "Year", "Month", "OrgPath");

CREATE TABLE "PointsBalances" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "MemberId" uuid NOT NULL,
    "MemberName" character varying(100) NOT NULL,
    "OrgUnitId" uuid NOT NULL,
    "OrgPath" character varying(400) COLLATE "C" NOT NULL,
    "Year" integer NOT NULL,
    "Total" integer NOT NULL,
    "Lines" integer NOT NULL,
    "LastAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_PointsBalances" PRIMARY KEY ("Id")
);

CREATE UNIQUE INDEX "IX_PointsBalances_TenantId_MemberId_Year" ON "PointsBalances" ("TenantId", "MemberId", "Year");

CREATE INDEX "IX_PointsBalances_TenantId_Year_OrgPath" ON "PointsBalances" ("TenantId", "Year", "OrgPath");

CREATE INDEX "IX_PointsBalances_TenantId_Year_Total" ON "PointsBalances" ("TenantId", "Year", "Total");
