-- V0010: member development (发展党员): cases and the steps recorded on them.
CREATE TABLE "DevelopmentCases" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DevelopmentCases" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "MemberId" TEXT NOT NULL,
    "OpenedInUnitId" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "ApplicationDate" TEXT NOT NULL,
    "LastStep" INTEGER NOT NULL,
    "LastStepOn" TEXT NULL,
    "ResolutionOn" TEXT NULL,
    "ProbationEndsOn" TEXT NULL,
    "ExtendedMonths" INTEGER NOT NULL DEFAULT 0,
    "CreatedAt" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NULL
);

CREATE INDEX "IX_DevelopmentCases_TenantId_MemberId" ON "DevelopmentCases" ("TenantId", "MemberId");
CREATE INDEX "IX_DevelopmentCases_TenantId_Status" ON "DevelopmentCases" ("TenantId", "Status");
CREATE TABLE "DevelopmentSteps" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DevelopmentSteps" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "CaseId" TEXT NOT NULL,
    "Step" INTEGER NOT NULL,
    "Date" TEXT NOT NULL,
    "Data" TEXT NOT NULL,
    "Warnings" TEXT NULL,
    "RecordedBy" TEXT NOT NULL,
    "RecordedAt" INTEGER NOT NULL
);

CREATE INDEX "IX_DevelopmentSteps_TenantId_CaseId_Step" ON "DevelopmentSteps" ("TenantId", "CaseId", "Step");

-- Sign-offs of the four-level joint review (四级联审).
CREATE TABLE "DevelopmentReviews" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DevelopmentReviews" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "CaseId" TEXT NOT NULL,
    "StepRecordId" TEXT NOT NULL,
    "Step" INTEGER NOT NULL,
    "Level" TEXT NOT NULL,
    "UnitId" TEXT NOT NULL,
    "Decision" TEXT NOT NULL,
    "Reason" TEXT NULL,
    "SignedByUserId" TEXT NOT NULL,
    "SignedBy" TEXT NOT NULL,
    "SignedAt" INTEGER NOT NULL
);

CREATE INDEX "IX_DevelopmentReviews_TenantId_CaseId" ON "DevelopmentReviews" ("TenantId", "CaseId");

-- Files of a case, per step of the materials checklist.
CREATE TABLE "DevelopmentMaterials" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DevelopmentMaterials" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "CaseId" TEXT NOT NULL,
    "Step" INTEGER NOT NULL,
    "Code" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Size" INTEGER NOT NULL,
    "Sha256" TEXT NOT NULL,
    "Content" BLOB NOT NULL,
    "UploadedBy" TEXT NOT NULL,
    "UploadedAt" INTEGER NOT NULL
);

CREATE INDEX "IX_DevelopmentMaterials_TenantId_CaseId_Step" ON "DevelopmentMaterials" ("TenantId", "CaseId", "Step");

-- The annual development plan: a quota per unit and year.
CREATE TABLE "DevelopmentQuotas" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DevelopmentQuotas" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "OrgUnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Year" INTEGER NOT NULL,
    "Quota" INTEGER NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NULL
);

CREATE UNIQUE INDEX "IX_DevelopmentQuotas_TenantId_OrgUnitId_Year" ON "DevelopmentQuotas" ("TenantId", "OrgUnitId", "Year");
