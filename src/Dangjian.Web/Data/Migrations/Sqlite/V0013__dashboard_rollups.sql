-- V0013: the dashboard's roll-ups: each unit's subtree as it stands, and per month.
CREATE TABLE "UnitRollups" (
    "OrgUnitId" TEXT NOT NULL CONSTRAINT "PK_UnitRollups" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "ParentId" TEXT NULL,
    "OrgPath" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Branches" INTEGER NOT NULL,
    "Groups" INTEGER NOT NULL,
    "SmallBranches" INTEGER NOT NULL,
    "People" INTEGER NOT NULL,
    "Party" INTEGER NOT NULL,
    "Full" INTEGER NOT NULL,
    "Probationary" INTEGER NOT NULL,
    "Candidates" INTEGER NOT NULL,
    "Activists" INTEGER NOT NULL,
    "Applicants" INTEGER NOT NULL,
    "Female" INTEGER NOT NULL,
    "Under35" INTEGER NOT NULL,
    "Mobile" INTEGER NOT NULL,
    "OutOfContact" INTEGER NOT NULL,
    "BranchesRed" INTEGER NOT NULL,
    "BranchesYellow" INTEGER NOT NULL,
    "BranchesGreen" INTEGER NOT NULL,
    "TermsExpiring" INTEGER NOT NULL,
    "BuiltAt" INTEGER NOT NULL
);

CREATE INDEX "IX_UnitRollups_TenantId_ParentId" ON "UnitRollups" ("TenantId", "ParentId");

CREATE TABLE "UnitMonthRollups" (
    "OrgUnitId" TEXT NOT NULL,
    "Month" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Meetings" INTEGER NOT NULL,
    "ThemeDays" INTEGER NOT NULL,
    "Expected" INTEGER NOT NULL,
    "SignedIn" INTEGER NOT NULL,
    "OnLeave" INTEGER NOT NULL,
    "DuesBilled" INTEGER NOT NULL,
    "DuesPaid" INTEGER NOT NULL,
    "DuesPaidFen" INTEGER NOT NULL,
    CONSTRAINT "PK_UnitMonthRollups" PRIMARY KEY ("TenantId", "OrgUnitId", "Month")
);

CREATE INDEX "IX_UnitMonthRollups_TenantId_OrgPath_Month" ON "UnitMonthRollups" ("TenantId", "OrgPath", "Month");
