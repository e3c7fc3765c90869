-- V0027: education plans (分层分类学习计划), case links (案例库), study → research → problem (学习—调研—解题).
CREATE TABLE "StudyPlans" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_StudyPlans" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "OrgUnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Year" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Audience" TEXT NOT NULL,
    "Note" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CreatedByUserId" TEXT NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "UpdatedAt" INTEGER NULL
);

CREATE INDEX "IX_StudyPlans_TenantId_OrgPath_Year" ON "StudyPlans" ("TenantId", "OrgPath", "Year");

CREATE TABLE "StudyPlanItems" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_StudyPlanItems" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "PlanId" TEXT NOT NULL,
    "CourseId" TEXT NOT NULL,
    "Required" INTEGER NOT NULL,
    "DueOn" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "IX_StudyPlanItems_TenantId_PlanId_CourseId" ON "StudyPlanItems" ("TenantId", "PlanId", "CourseId");

CREATE TABLE "StudyPlanTargets" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_StudyPlanTargets" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "PlanId" TEXT NOT NULL,
    "Category" TEXT NOT NULL,
    "Hours" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "IX_StudyPlanTargets_TenantId_PlanId_Category" ON "StudyPlanTargets" ("TenantId", "PlanId", "Category");

CREATE TABLE "CaseLinks" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CaseLinks" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "CourseId" TEXT NOT NULL,
    "TargetKind" TEXT NOT NULL,
    "TargetId" TEXT NOT NULL,
    "OrgUnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "LinkedAt" INTEGER NOT NULL,
    "LinkedByUserId" TEXT NOT NULL,
    "LinkedBy" TEXT NOT NULL
);

CREATE UNIQUE INDEX "IX_CaseLinks_TenantId_TargetKind_TargetId_CourseId" ON "CaseLinks" ("TenantId", "TargetKind", "TargetId", "CourseId");

CREATE INDEX "IX_CaseLinks_TenantId_CourseId" ON "CaseLinks" ("TenantId", "CourseId");

CREATE TABLE "ResearchTasks" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ResearchTasks" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "OrgUnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "CourseId" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "OwnerMemberId" TEXT NOT NULL,
    "OwnerName" TEXT NOT NULL,
    "DueOn" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Findings" TEXT NULL,
    "FindingsAt" INTEGER NULL,
    "FindingsBy" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CreatedByUserId" TEXT NOT NULL,
    "CreatedBy" TEXT NOT NULL
);

CREATE INDEX "IX_ResearchTasks_TenantId_OrgPath_CreatedAt" ON "ResearchTasks" ("TenantId", "OrgPath", "CreatedAt");

CREATE INDEX "IX_ResearchTasks_TenantId_OwnerMemberId" ON "ResearchTasks" ("TenantId", "OwnerMemberId");

CREATE TABLE "ResearchProblems" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ResearchProblems" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "TaskId" TEXT NOT NULL,
    "OrgUnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "OwnerMemberId" TEXT NOT NULL,
    "OwnerName" TEXT NOT NULL,
    "DueOn" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Outcome" TEXT NULL,
    "ClosedAt" INTEGER NULL,
    "ClosedBy" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CreatedBy" TEXT NOT NULL
);

CREATE INDEX "IX_ResearchProblems_TenantId_TaskId" ON "ResearchProblems" ("TenantId", "TaskId");

CREATE INDEX "IX_ResearchProblems_TenantId_OwnerMemberId" ON "ResearchProblems" ("TenantId", "OwnerMemberId");
