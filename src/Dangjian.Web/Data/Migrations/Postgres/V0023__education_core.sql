-- V0023: education (党员教育培训): the course library and each member's verified study of a course.
CREATE TABLE "Courses" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "OrgUnitId" uuid NOT NULL,
    "OrgPath" character varying(400) COLLATE "C" NOT NULL,
    "Title" character varying(200) NOT NULL,
    "Kind" character varying(40) NOT NULL,
    "Category" character varying(40) NOT NULL,
    "CaseKind" character varying(40) NOT NULL,
    "Tags" character varying(200),
    "Summary" character varying(1000),
    "Body" character varying(100000),
    "MediaFileId" uuid,
    "MediaSeconds" integer,
    "Required" boolean NOT NULL,
    "DueOn" date,
    "LiveStartsAt" timestamp with time zone,
    "LiveEndsAt" timestamp with time zone,
    "LiveLink" character varying(400),
    "LiveSignInSecret" character varying(64),
    "Status" character varying(40) NOT NULL,
    "PublishedAt" timestamp with time zone,
    "CreatedAt" timestamp with time zone NOT NULL,
    "CreatedByUserId" uuid NOT NULL,
    "CreatedBy" character varying(100) NOT NULL,
    "UpdatedAt" timestamp with time zone,
    CONSTRAINT "PK_Courses" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_Courses_TenantId_OrgPath_Status_PublishedAt" ON "Courses" ("TenantId", "OrgPath", "Status", "PublishedAt");

CREATE TABLE "StudyProgress" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "MemberId" uuid NOT NULL,
    "CourseId" uuid NOT NULL,
    "Year" integer NOT NULL,
    "Seconds" integer NOT NULL,
    "FirstAt" timestamp with time zone NOT NULL,
    "LastAt" timestamp with time zone NOT NULL,
    "CompletedAt" timestamp with time zone,
    CONSTRAINT "PK_StudyProgress" PRIMARY KEY ("Id")
);

CREATE UNIQUE INDEX "IX_StudyProgress_TenantId_MemberId_CourseId_Year" ON "StudyProgress" ("TenantId", "MemberId", "CourseId", "Year");

CREATE INDEX "IX_StudyProgress_TenantId_CourseId" ON "StudyProgress" ("TenantId", "CourseId");
