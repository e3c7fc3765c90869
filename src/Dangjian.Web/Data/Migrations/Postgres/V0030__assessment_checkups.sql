-- V0030: assessment check-ups: the quarterly political check-up (self-analysis and review) and the early warnings.

CREATE TABLE "CheckUps" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "MemberId" uuid NOT NULL,
    "MemberName" character varying(100) NOT NULL,
    "OrgUnitId" uuid NOT NULL,
    "OrgPath" character varying(400) COLLATE "C" NOT NULL,
    "Year" integer NOT NULL,
    "Quarter" integer NOT NULL,
    "Ideals" character varying(2000),
    "Discipline" character varying(2000),
    "Conduct" character varying(2000),
    "Role" character varying(2000),
    "Measures" character varying(2000),
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone,
    "SubmittedAt" timestamp with time zone,
    "Result" character varying(40),
    "ReviewComment" character varying(1000),
    "ReviewedBy" character varying(100),
    "ReviewedAt" timestamp with time zone,
    CONSTRAINT "PK_CheckUps" PRIMARY KEY ("Id")
);

CREATE UNIQUE INDEX "IX_CheckUps_TenantId_MemberId_Year_Quarter" ON "CheckUps" ("TenantId", "MemberId", "Year", "Quarter");

CREATE INDEX "IX_CheckUps_TenantId_Year_Quarter_OrgPath" ON "CheckUps" ("TenantId", "Year", "Quarter", "OrgPath");

CREATE TABLE "EarlyWarnings" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "MemberId" uuid NOT NULL,
    "MemberName" character varying(100) NOT NULL,
    "OrgUnitId" uuid NOT NULL,
    "OrgPath" character varying(400) COLLATE "C" NOT NULL,
    "Kind" character varying(40) NOT NULL,
    "Basis" character varying(40) NOT NULL,
    "RaisedAt" timestamp with time zone NOT NULL,
    "Evidence" character varying(400) NOT NULL,
    "EvidenceNumber" integer,
    "Status" character varying(40) NOT NULL,
    "Measure" character varying(40),
    "Note" character varying(1000),
    "HandledByUserId" uuid,
    "HandledBy" character varying(100),
    "HandledAt" timestamp with time zone,
    CONSTRAINT "PK_EarlyWarnings" PRIMARY KEY ("Id")
);

CREATE UNIQUE INDEX "IX_EarlyWarnings_Open" ON "EarlyWarnings" ("TenantId", "MemberId", "Kind") WHERE "Status" = 'Open';

CREATE UNIQUE INDEX "IX_EarlyWarnings_TenantId_MemberId_Kind_Basis" ON "EarlyWarnings" ("TenantId", "MemberId", "Kind", "Basis");

CREATE INDEX "IX_EarlyWarnings_TenantId_OrgPath_RaisedAt" ON "EarlyWarnings" ("TenantId", "OrgPath", "RaisedAt");
