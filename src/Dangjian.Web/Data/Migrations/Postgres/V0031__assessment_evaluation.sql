-- V0031: branch assessment (党建考评): schemes with their grade bands and indicator trees, qualitative marks, computed results and their scores, business KPIs per branch and quarter.

CREATE TABLE "EvaluationSchemes" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "OrgUnitId" uuid NOT NULL,
    "OrgPath" character varying(400) COLLATE "C" NOT NULL,
    "Year" integer NOT NULL,
    "Name" character varying(100) NOT NULL,
    "Template" character varying(40) NOT NULL,
    "Status" character varying(40) NOT NULL,
    "TotalPoints" numeric(7,2) NOT NULL,
    "GradeBands" character varying(400) NOT NULL,
    "StarBands" character varying(200),
    "SkipYoungBranches" boolean NOT NULL,
    "ScoringOpensOn" date,
    "ScoringClosesOn" date,
    "CreatedAt" timestamp with time zone NOT NULL,
    "CreatedBy" character varying(100) NOT NULL,
    "ComputedAt" timestamp with time zone,
    "PublishedAt" timestamp with time zone,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_EvaluationSchemes" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_EvaluationSchemes_TenantId_OrgPath_Year" ON "EvaluationSchemes" ("TenantId", "OrgPath", "Year");

CREATE TABLE "EvaluationIndicators" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "SchemeId" uuid NOT NULL,
    "ParentId" uuid,
    "OrgUnitId" uuid NOT NULL,
    "Position" integer NOT NULL,
    "Name" character varying(100) NOT NULL,
    "Kind" character varying(40) NOT NULL,
    "Points" numeric(7,2) NOT NULL,
    "SourceKey" character varying(60),
    "Floor" numeric(7,4),
    "Target" numeric(7,4),
    "SuperiorWeight" integer NOT NULL,
    "PeersWeight" integer NOT NULL,
    "MassesWeight" integer NOT NULL,
    "Ideology" boolean NOT NULL,
    CONSTRAINT "PK_EvaluationIndicators" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_EvaluationIndicators_SchemeId_Position" ON "EvaluationIndicators" ("SchemeId", "Position");

CREATE TABLE "EvaluationMarks" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "SchemeId" uuid NOT NULL,
    "IndicatorId" uuid NOT NULL,
    "OrgUnitId" uuid NOT NULL,
    "OrgPath" character varying(400) COLLATE "C" NOT NULL,
    "Kind" character varying(40) NOT NULL,
    "ScorerUserId" uuid NOT NULL,
    "ScorerName" character varying(100) NOT NULL,
    "Score" numeric(7,2) NOT NULL,
    "Respondents" integer,
    "Note" character varying(200),
    "At" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_EvaluationMarks" PRIMARY KEY ("Id")
);

CREATE UNIQUE INDEX "IX_EvaluationMarks_SchemeId_IndicatorId_OrgUnitId_Kind_User" ON "EvaluationMarks" ("SchemeId", "IndicatorId", "OrgUnitId", "Kind", "ScorerUserId");
CREATE INDEX "IX_EvaluationMarks_TenantId_OrgPath" ON "EvaluationMarks" ("TenantId", "OrgPath");

CREATE TABLE "EvaluationResults" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "SchemeId" uuid NOT NULL,
    "OrgUnitId" uuid NOT NULL,
    "OrgPath" character varying(400) COLLATE "C" NOT NULL,
    "UnitName" character varying(200) NOT NULL,
    "Total" numeric(7,2) NOT NULL,
    "Grade" character varying(40),
    "Stars" integer,
    "Vetoed" boolean NOT NULL,
    "NotGraded" boolean NOT NULL,
    "Rank" integer NOT NULL,
    "ComputedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_EvaluationResults" PRIMARY KEY ("Id")
);

CREATE UNIQUE INDEX "IX_EvaluationResults_SchemeId_OrgUnitId" ON "EvaluationResults" ("SchemeId", "OrgUnitId");
CREATE INDEX "IX_EvaluationResults_SchemeId_Rank" ON "EvaluationResults" ("SchemeId", "Rank");
CREATE INDEX "IX_EvaluationResults_TenantId_OrgPath" ON "EvaluationResults" ("TenantId", "OrgPath");

CREATE TABLE "BusinessKpis" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "OrgUnitId" uuid NOT NULL,
    "OrgPath" character varying(400) COLLATE "C" NOT NULL,
    "Period" character varying(7) NOT NULL,
    "Name" character varying(100) NOT NULL,
    "Value" numeric(14,2) NOT NULL,
    "Target" numeric(14,2) NOT NULL,
    "ImportedAt" timestamp with time zone NOT NULL,
    "ImportedBy" character varying(100) NOT NULL,
    CONSTRAINT "PK_BusinessKpis" PRIMARY KEY ("Id")
);

CREATE UNIQUE INDEX "IX_BusinessKpis_TenantId_OrgUnitId_Period_Name" ON "BusinessKpis" ("TenantId", "OrgUnitId", "Period", "Name");
CREATE INDEX "IX_BusinessKpis_TenantId_OrgPath_Period" ON "BusinessKpis" ("TenantId", "OrgPath", "Period");

CREATE TABLE "EvaluationScores" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "SchemeId" uuid NOT NULL,
    "ResultId" uuid NOT NULL,
    "IndicatorId" uuid NOT NULL,
    "Points" numeric(7,2) NOT NULL,
    "SourceKey" character varying(60),
    "RawValue" numeric(9,4),
    "SuperiorAverage" numeric(7,2),
    "SuperiorCount" integer NOT NULL,
    "PeersAverage" numeric(7,2),
    "PeersCount" integer NOT NULL,
    "MassesAverage" numeric(7,2),
    "MassesCount" integer NOT NULL,
    "Vetoed" boolean NOT NULL,
    CONSTRAINT "PK_EvaluationScores" PRIMARY KEY ("Id")
);

CREATE UNIQUE INDEX "IX_EvaluationScores_ResultId_IndicatorId" ON "EvaluationScores" ("ResultId", "IndicatorId");
CREATE INDEX "IX_EvaluationScores_SchemeId" ON "EvaluationScores" ("SchemeId");
