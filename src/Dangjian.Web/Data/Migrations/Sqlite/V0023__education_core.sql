-- V0023: education (党员教育培训): the course library and each member's verified study of a course.
CREATE TABLE "Courses" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Courses" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "OrgUnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Category" TEXT NOT NULL,
    "CaseKind" TEXT NOT NULL,
    "Tags" TEXT NULL,
    "Summary" TEXT NULL,
    "Body" TEXT NULL,
    "MediaFileId" TEXT NULL,
    "MediaSeconds" INTEGER NULL,
    "Required" INTEGER NOT NULL,
    "DueOn" TEXT NULL,
    "LiveStartsAt" INTEGER NULL,
    "LiveEndsAt" INTEGER NULL,
    "LiveLink" TEXT NULL,
    "LiveSignInSecret" TEXT NULL,
    "Status" TEXT NOT NULL,
    "PublishedAt" INTEGER NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CreatedByUserId" TEXT NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "UpdatedAt" INTEGER NULL
);

CREATE INDEX "IX_Courses_TenantId_OrgPath_Status_PublishedAt" ON "Courses" ("TenantId", "OrgPath", "Status", "PublishedAt");

CREATE TABLE "StudyProgress" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_StudyProgress" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "MemberId" TEXT NOT NULL,
    "CourseId" TEXT NOT NULL,
    "Year" INTEGER NOT NULL,
    "Seconds" INTEGER NOT NULL,
    "FirstAt" INTEGER NOT NULL,
    "LastAt" INTEGER NOT NULL,
    "CompletedAt" INTEGER NULL
);

CREATE UNIQUE INDEX "IX_StudyProgress_TenantId_MemberId_CourseId_Year" ON "StudyProgress" ("TenantId", "MemberId", "CourseId", "Year");

CREATE INDEX "IX_StudyProgress_TenantId_CourseId" ON "StudyProgress" ("TenantId", "CourseId");
