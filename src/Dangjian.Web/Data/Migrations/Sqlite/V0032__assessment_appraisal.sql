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

CREATE TABLE "SecretaryReviews" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_SecretaryReviews" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "OrgUnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Year" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "OpensAt" INTEGER NOT NULL,
    "ClosesAt" INTEGER NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CreatedBy" TEXT NOT NULL
);

CREATE UNIQUE INDEX "IX_SecretaryReviews_TenantId_OrgUnitId_Year" ON "SecretaryReviews" ("TenantId", "OrgUnitId", "Year");
CREATE INDEX "IX_SecretaryReviews_TenantId_OrgPath" ON "SecretaryReviews" ("TenantId", "OrgPath");

CREATE TABLE "SecretaryReports" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_SecretaryReports" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "ReviewId" TEXT NOT NULL,
    "BranchId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "BranchName" TEXT NOT NULL,
    "SecretaryMemberId" TEXT NOT NULL,
    "SecretaryName" TEXT NOT NULL,
    "Text" TEXT NULL,
    "KeyFigures" TEXT NULL,
    "SubmittedAt" INTEGER NULL,
    CONSTRAINT "FK_SecretaryReports_SecretaryReviews_ReviewId" FOREIGN KEY ("ReviewId") REFERENCES "SecretaryReviews" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_SecretaryReports_ReviewId" ON "SecretaryReports" ("ReviewId");
CREATE UNIQUE INDEX "IX_SecretaryReports_TenantId_ReviewId_BranchId" ON "SecretaryReports" ("TenantId", "ReviewId", "BranchId");
CREATE INDEX "IX_SecretaryReports_TenantId_SecretaryMemberId" ON "SecretaryReports" ("TenantId", "SecretaryMemberId");

CREATE TABLE "SecretaryScores" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_SecretaryScores" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "ReviewId" TEXT NOT NULL,
    "ReportId" TEXT NOT NULL,
    "ScorerUserId" TEXT NOT NULL,
    "Side" TEXT NOT NULL,
    "Score" INTEGER NOT NULL,
    "Comment" TEXT NULL,
    "At" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "IX_SecretaryScores_TenantId_ReportId_ScorerUserId" ON "SecretaryScores" ("TenantId", "ReportId", "ScorerUserId");
CREATE INDEX "IX_SecretaryScores_TenantId_ReviewId" ON "SecretaryScores" ("TenantId", "ReviewId");
