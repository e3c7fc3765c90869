-- V0014: 薄弱环节 found by the dashboard's rules, with their follow-up.
CREATE TABLE "WeakLinks" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "Key" character varying(200) NOT NULL,
    "OrgUnitId" uuid NOT NULL,
    "OrgPath" character varying(400) COLLATE "C" NOT NULL,
    "OrgUnitName" character varying(200) NOT NULL,
    "MemberId" uuid NULL,
    "MemberName" character varying(100) NULL,
    "Rule" character varying(40) NOT NULL,
    "Reason" character varying(1000) NOT NULL,
    "Article" character varying(200) NOT NULL,
    "Score" integer NOT NULL,
    "Status" character varying(40) NOT NULL,
    "AssignedTo" character varying(100) NULL,
    "Note" character varying(2000) NULL,
    "DetectedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "ClosedAt" timestamp with time zone NULL,
    CONSTRAINT "PK_WeakLinks" PRIMARY KEY ("Id")
);

CREATE UNIQUE INDEX "IX_WeakLinks_TenantId_Key" ON "WeakLinks" ("TenantId", "Key");
CREATE INDEX "IX_WeakLinks_TenantId_OrgPath_Status" ON "WeakLinks" ("TenantId", "OrgPath", "Status");
