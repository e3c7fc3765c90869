-- V0032: democratic appraisal, complete (the masses' and organisation's scores, the handling of members appraised 不合格)
-- and the secretaries' report and review (书记述职评议).

CREATE TABLE "AppraisalScores" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AppraisalScores" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "MeetingId" TEXT NOT NULL,
    "MemberId" TEXT NOT NULL,
    "OrgUnitId" TEXT NOT NULL,
    "Masses" INTEGER NULL,
    "Organisation" INTEGER NULL,
    "EnteredBy" TEXT NOT NULL,
    "EnteredAt" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "IX_AppraisalScores_TenantId_MeetingId_MemberId" ON "AppraisalScores" ("TenantId", "MeetingId", "MemberId");

CREATE TABLE "AppraisalCases" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AppraisalCases" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "MeetingId" TEXT NOT NULL,
    "MemberId" TEXT NOT NULL,
    "OrgUnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Year" INTEGER NOT NULL,
    "Stage" TEXT NULL,
    "Deadline" TEXT NULL,
    "LastStepOn" TEXT NULL,
    "OpenedAt" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "IX_AppraisalCases_TenantId_MeetingId_MemberId" ON "AppraisalCases" ("TenantId", "MeetingId", "MemberId");
CREATE INDEX "IX_AppraisalCases_TenantId_OrgPath_Year" ON "AppraisalCases" ("TenantId", "OrgPath", "Year");

CREATE TABLE "AppraisalCaseSteps" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AppraisalCaseSteps" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "CaseId" TEXT NOT NULL,
    "OrgUnitId" TEXT NOT NULL,
    "Step" TEXT NOT NULL,
    "On" TEXT NOT NULL,
    "Deadline" TEXT NULL,
    "DecidedBy" TEXT NOT NULL,
    "Note" TEXT NULL,
    "RecordedBy" TEXT NOT NULL,
    "RecordedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_AppraisalCaseSteps_AppraisalCases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "AppraisalCases" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AppraisalCaseSteps_CaseId" ON "AppraisalCaseSteps" ("CaseId");
CREATE UNIQUE INDEX "IX_AppraisalCaseSteps_TenantId_CaseId_Step" ON "AppraisalCaseSteps" ("TenantId", "CaseId", "Step");
