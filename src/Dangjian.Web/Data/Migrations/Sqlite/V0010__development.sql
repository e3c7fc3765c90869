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
