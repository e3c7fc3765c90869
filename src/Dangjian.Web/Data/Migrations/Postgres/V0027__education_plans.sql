-- V0027: education plans (分层分类学习计划), case links (案例库), study → research → problem (学习—调研—解题).
CREATE TABLE "StudyPlans" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "OrgUnitId" uuid NOT NULL,
    "OrgPath" character varying(400) COLLATE "C" NOT NULL,
    "Year" integer NOT NULL,
    "Title" character varying(200) NOT NULL,
    "Audience" character varying(40) NOT NULL,
    "Note" character varying(1000),
    "CreatedAt" timestamp with time zone NOT NULL,
    "CreatedByUserId" uuid NOT NULL,
    "CreatedBy" character varying(100) NOT NULL,
    "UpdatedAt" timestamp with time zone,
    CONSTRAINT "PK_StudyPlans" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_StudyPlans_TenantId_OrgPath_Year" ON "StudyPlans" ("TenantId", "OrgPath", "Year");

CREATE TABLE "StudyPlanItems" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "PlanId" uuid NOT NULL,
    "CourseId" uuid NOT NULL,
    "Required" boolean NOT NULL,
    "DueOn" date,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_StudyPlanItems" PRIMARY KEY ("Id")
);

CREATE UNIQUE INDEX "IX_StudyPlanItems_TenantId_PlanId_CourseId" ON "StudyPlanItems" ("TenantId", "PlanId", "CourseId");

CREATE TABLE "StudyPlanTargets" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "PlanId" uuid NOT NULL,
    "Category" character varying(40) NOT NULL,
    "Hours" integer NOT NULL,
    CONSTRAINT "PK_StudyPlanTargets" PRIMARY KEY ("Id")
);

CREATE UNIQUE INDEX "IX_StudyPlanTargets_TenantId_PlanId_Category" ON "StudyPlanTargets" ("TenantId", "PlanId", "Category");

CREATE TABLE "CaseLinks" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "CourseId" uuid NOT NULL,
    "TargetKind" character varying(40) NOT NULL,
    "TargetId" uuid NOT NULL,
    "OrgUnitId" uuid NOT NULL,
    "OrgPath" character varying(400) COLLATE "C" NOT NULL,
    "LinkedAt" timestamp with time zone NOT NULL,
    "LinkedByUserId" uuid NOT NULL,
    "LinkedBy" character varying(100) NOT NULL,
    CONSTRAINT "PK_CaseLinks" PRIMARY KEY ("Id")
);

CREATE UNIQUE INDEX "IX_CaseLinks_TenantId_TargetKind_TargetId_CourseId" ON "CaseLinks" ("TenantId", "TargetKind", "TargetId", "CourseId");

CREATE INDEX "IX_CaseLinks_TenantId_CourseId" ON "CaseLinks" ("TenantId", "CourseId");

CREATE TABLE "ResearchTasks" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "OrgUnitId" uuid NOT NULL,
    "OrgPath" character varying(400) COLLATE "C" NOT NULL,
    "CourseId" uuid NOT NULL,
    "Title" character varying(200) NOT NULL,
    "OwnerMemberId" uuid NOT NULL,
    "OwnerName" character varying(100) NOT NULL,
    "DueOn" date NOT NULL,
    "Status" character varying(40) NOT NULL,
    "Findings" character varying(4000),
    "FindingsAt" timestamp with time zone,
    "FindingsBy" character varying(100),
    "CreatedAt" timestamp with time zone NOT NULL,
    "CreatedByUserId" uuid NOT NULL,
    "CreatedBy" character varying(100) NOT NULL,
    CONSTRAINT "PK_ResearchTasks" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_ResearchTasks_TenantId_OrgPath_CreatedAt" ON "ResearchTasks" ("TenantId", "OrgPath", "CreatedAt");

CREATE INDEX "IX_ResearchTasks_TenantId_OwnerMemberId" ON "ResearchTasks" ("TenantId", "OwnerMemberId");

CREATE TABLE "ResearchProblems" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "TaskId" uuid NOT NULL,
    "OrgUnitId" uuid NOT NULL,
    "OrgPath" character varying(400) COLLATE "C" NOT NULL,
    "Title" character varying(200) NOT NULL,
    "OwnerMemberId" uuid NOT NULL,
    "OwnerName" character varying(100) NOT NULL,
    "DueOn" date NOT NULL,
    "Status" character varying(40) NOT NULL,
    "Outcome" character varying(4000),
    "ClosedAt" timestamp with time zone,
    "ClosedBy" character varying(100),
    "CreatedAt" timestamp with time zone NOT NULL,
    "CreatedBy" character varying(100) NOT NULL,
    CONSTRAINT "PK_ResearchProblems" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_ResearchProblems_TenantId_TaskId" ON "ResearchProblems" ("TenantId", "TaskId");

CREATE INDEX "IX_ResearchProblems_TenantId_OwnerMemberId" ON "ResearchProblems" ("TenantId", "OwnerMemberId");
