-- V0031: branch assessment (党建考评): schemes with their grade bands and indicator trees, qualitative marks, computed results and their scores, business KPIs per branch and quarter.

CREATE TABLE "EvaluationSchemes" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_EvaluationSchemes" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "OrgUnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Year" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Template" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "TotalPoints" TEXT NOT NULL,
    "GradeBands" TEXT NOT NULL,
    "StarBands" TEXT NULL,
    "SkipYoungBranches" INTEGER NOT NULL,
    "ScoringOpensOn" TEXT NULL,
    "ScoringClosesOn" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "ComputedAt" INTEGER NULL,
    "PublishedAt" INTEGER NULL,
    "Version" INTEGER NOT NULL
);

CREATE INDEX "IX_EvaluationSchemes_TenantId_OrgPath_Year" ON "EvaluationSchemes" ("TenantId", "OrgPath", "Year");

CREATE TABLE "EvaluationIndicators" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_EvaluationIndicators" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "SchemeId" TEXT NOT NULL,
    "ParentId" TEXT NULL,
    "OrgUnitId" TEXT NOT NULL,
    "Position" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Points" TEXT NOT NULL,
    "SourceKey" TEXT NULL,
    "Floor" TEXT NULL,
    "Target" TEXT NULL,
    "SuperiorWeight" INTEGER NOT NULL,
    "PeersWeight" INTEGER NOT NULL,
    "MassesWeight" INTEGER NOT NULL,
    "Ideology" INTEGER NOT NULL
);

CREATE INDEX "IX_EvaluationIndicators_SchemeId_Position" ON "EvaluationIndicators" ("SchemeId", "Position");

CREATE TABLE "EvaluationMarks" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_EvaluationMarks" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "SchemeId" TEXT NOT NULL,
    "IndicatorId" TEXT NOT NULL,
    "OrgUnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "ScorerUserId" TEXT NOT NULL,
    "ScorerName" TEXT NOT NULL,
    "Score" TEXT NOT NULL,
    "Respondents" INTEGER NULL,
    "Note" TEXT NULL,
    "At" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "IX_EvaluationMarks_SchemeId_IndicatorId_OrgUnitId_Kind_User" ON "EvaluationMarks" ("SchemeId", "IndicatorId", "OrgUnitId", "Kind", "ScorerUserId");
CREATE INDEX "IX_EvaluationMarks_TenantId_OrgPath" ON "EvaluationMarks" ("TenantId", "OrgPath");

CREATE TABLE "EvaluationResults" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_EvaluationResults" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "SchemeId" TEXT NOT NULL,
    "OrgUnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "UnitName" TEXT NOT NULL,
    "Total" TEXT NOT NULL,
    "Grade" TEXT NULL,
    "Stars" INTEGER NULL,
    "Vetoed" INTEGER NOT NULL,
    "NotGraded" INTEGER NOT NULL,
    "Rank" INTEGER NOT NULL,
    "ComputedAt" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "IX_EvaluationResults_SchemeId_OrgUnitId" ON "EvaluationResults" ("SchemeId", "OrgUnitId");
CREATE INDEX "IX_EvaluationResults_SchemeId_Rank" ON "EvaluationResults" ("SchemeId", "Rank");
CREATE INDEX "IX_EvaluationResults_TenantId_OrgPath" ON "EvaluationResults" ("TenantId", "OrgPath");

CREATE TABLE "BusinessKpis" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_BusinessKpis" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "OrgUnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Period" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NOT NULL,
    "Target" TEXT NOT NULL,
    "ImportedAt" INTEGER NOT NULL,
    "ImportedBy" TEXT NOT NULL
);

CREATE UNIQUE INDEX "IX_BusinessKpis_TenantId_OrgUnitId_Period_Name" ON "BusinessKpis" ("TenantId", "OrgUnitId", "Period", "Name");
CREATE INDEX "IX_BusinessKpis_TenantId_OrgPath_Period" ON "BusinessKpis" ("TenantId", "OrgPath", "Period");

CREATE TABLE "EvaluationScores" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_EvaluationScores" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "SchemeId" TEXT NOT NULL,
    "ResultId" TEXT NOT NULL,
    "IndicatorId" TEXT NOT NULL,
    "Points" TEXT NOT NULL,
    "SourceKey" TEXT NULL,
    "RawValue" TEXT NULL,
    "SuperiorAverage" TEXT NULL,
    "SuperiorCount" INTEGER NOT NULL,
    "PeersAverage" TEXT NULL,
    "PeersCount" INTEGER NOT NULL,
    "MassesAverage" TEXT NULL,
    "MassesCount" INTEGER NOT NULL,
    "Vetoed" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "IX_EvaluationScores_ResultId_IndicatorId" ON "EvaluationScores" ("ResultId", "IndicatorId");
CREATE INDEX "IX_EvaluationScores_SchemeId" ON "EvaluationScores" ("SchemeId");
