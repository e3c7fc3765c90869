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
