-- V0032: democratic appraisal, complete (the masses' and organisation's scores, the handling of members appraised 不合格)
-- and the secretaries' report and review (书记述职评议).

CREATE TABLE "AppraisalScores" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "MeetingId" uuid NOT NULL,
    "MemberId" uuid NOT NULL,
    "OrgUnitId" uuid NOT NULL,
    "Masses" integer,
    "Organisation" integer,
    "EnteredBy" character varying(100) NOT NULL,
    "EnteredAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_AppraisalScores" PRIMARY KEY ("Id")
);

CREATE UNIQUE INDEX "IX_AppraisalScores_TenantId_MeetingId_MemberId" ON "AppraisalScores" ("TenantId", "MeetingId", "MemberId");

CREATE TABLE "AppraisalCases" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "MeetingId" uuid NOT NULL,
    "MemberId" uuid NOT NULL,
    "OrgUnitId" uuid NOT NULL,
    "OrgPath" character varying(400) COLLATE "C" NOT NULL,
    "Year" integer NOT NULL,
    "Stage" character varying(40),
    "Deadline" date,
    "LastStepOn" date,
    "OpenedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_AppraisalCases" PRIMARY KEY ("Id")
);

CREATE UNIQUE INDEX "IX_AppraisalCases_TenantId_MeetingId_MemberId" ON "AppraisalCases" ("TenantId", "MeetingId", "MemberId");
CREATE INDEX "IX_AppraisalCases_TenantId_OrgPath_Year" ON "AppraisalCases" ("TenantId", "OrgPath", "Year");

CREATE TABLE "AppraisalCaseSteps" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "CaseId" uuid NOT NULL,
    "OrgUnitId" uuid NOT NULL,
    "Step" character varying(40) NOT NULL,
    "On" date NOT NULL,
    "Deadline" date,
    "DecidedBy" character varying(100) NOT NULL,
    "Note" character varying(1000),
    "RecordedBy" character varying(100) NOT NULL,
    "RecordedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_AppraisalCaseSteps" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_AppraisalCaseSteps_AppraisalCases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "AppraisalCases" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AppraisalCaseSteps_CaseId" ON "AppraisalCaseSteps" ("CaseId");
CREATE UNIQUE INDEX "IX_AppraisalCaseSteps_TenantId_CaseId_Step" ON "AppraisalCaseSteps" ("TenantId", "CaseId", "Step");

CREATE TABLE "SecretaryReviews" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "OrgUnitId" uuid NOT NULL,
    "OrgPath" character varying(400) COLLATE "C" NOT NULL,
    "Year" integer NOT NULL,
    "Title" character varying(200) NOT NULL,
    "OpensAt" timestamp with time zone NOT NULL,
    "ClosesAt" timestamp with time zone NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "CreatedBy" character varying(100) NOT NULL,
    CONSTRAINT "PK_SecretaryReviews" PRIMARY KEY ("Id")
);

CREATE UNIQUE INDEX "IX_SecretaryReviews_TenantId_OrgUnitId_Year" ON "SecretaryReviews" ("TenantId", "OrgUnitId", "Year");
CREATE INDEX "IX_SecretaryReviews_TenantId_OrgPath" ON "SecretaryReviews" ("TenantId", "OrgPath");

CREATE TABLE "SecretaryReports" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "ReviewId" uuid NOT NULL,
    "BranchId" uuid NOT NULL,
    "OrgPath" character varying(400) COLLATE "C" NOT NULL,
    "BranchName" character varying(200) NOT NULL,
    "SecretaryMemberId" uuid NOT NULL,
    "SecretaryName" character varying(100) NOT NULL,
    "Text" character varying(8000),
    "KeyFigures" character varying(2000),
    "SubmittedAt" timestamp with time zone,
    CONSTRAINT "PK_SecretaryReports" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_SecretaryReports_SecretaryReviews_ReviewId" FOREIGN KEY ("ReviewId") REFERENCES "SecretaryReviews" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_SecretaryReports_ReviewId" ON "SecretaryReports" ("ReviewId");
CREATE UNIQUE INDEX "IX_SecretaryReports_TenantId_ReviewId_BranchId" ON "SecretaryReports" ("TenantId", "ReviewId", "BranchId");
CREATE INDEX "IX_SecretaryReports_TenantId_SecretaryMemberId" ON "SecretaryReports" ("TenantId", "SecretaryMemberId");

CREATE TABLE "SecretaryScores" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "ReviewId" uuid NOT NULL,
    "ReportId" uuid NOT NULL,
    "ScorerUserId" uuid NOT NULL,
    "Side" character varying(40) NOT NULL,
    "Score" integer NOT NULL,
    "Comment" character varying(500),
    "At" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_SecretaryScores" PRIMARY KEY ("Id")
);

CREATE UNIQUE INDEX "IX_SecretaryScores_TenantId_ReportId_ScorerUserId" ON "SecretaryScores" ("TenantId", "ReportId", "ScorerUserId");
CREATE INDEX "IX_SecretaryScores_TenantId_ReviewId" ON "SecretaryScores" ("TenantId", "ReviewId");
