-- V0013: the dashboard's roll-ups: each unit's subtree as it stands, and per month.
CREATE TABLE "UnitRollups" (
    "OrgUnitId" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "ParentId" uuid NULL,
    "OrgPath" character varying(400) COLLATE "C" NOT NULL,
    "Name" character varying(200) NOT NULL,
    "Kind" character varying(40) NOT NULL,
    "Branches" integer NOT NULL,
    "Groups" integer NOT NULL,
    "SmallBranches" integer NOT NULL,
    "People" integer NOT NULL,
    "Party" integer NOT NULL,
    "Full" integer NOT NULL,
    "Probationary" integer NOT NULL,
    "Candidates" integer NOT NULL,
    "Activists" integer NOT NULL,
    "Applicants" integer NOT NULL,
    "Female" integer NOT NULL,
    "Under35" integer NOT NULL,
    "Mobile" integer NOT NULL,
    "OutOfContact" integer NOT NULL,
    "BranchesRed" integer NOT NULL,
    "BranchesYellow" integer NOT NULL,
    "BranchesGreen" integer NOT NULL,
    "TermsExpiring" integer NOT NULL,
    "BuiltAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_UnitRollups" PRIMARY KEY ("OrgUnitId")
);

CREATE INDEX "IX_UnitRollups_TenantId_ParentId" ON "UnitRollups" ("TenantId", "ParentId");

CREATE TABLE "UnitMonthRollups" (
    "OrgUnitId" uuid NOT NULL,
    "Month" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    "OrgPath" character varying(400) COLLATE "C" NOT NULL,
    "Meetings" integer NOT NULL,
    "ThemeDays" integer NOT NULL,
    "Expected" integer NOT NULL,
    "SignedIn" integer NOT NULL,
    "OnLeave" integer NOT NULL,
    "DuesBilled" integer NOT NULL,
    "DuesPaid" integer NOT NULL,
    "DuesPaidFen" bigint NOT NULL,
    CONSTRAINT "PK_UnitMonthRollups" PRIMARY KEY ("TenantId", "OrgUnitId", "Month")
);

CREATE INDEX "IX_UnitMonthRollups_TenantId_OrgPath_Month" ON "UnitMonthRollups" ("TenantId", "OrgPath", "Month");
