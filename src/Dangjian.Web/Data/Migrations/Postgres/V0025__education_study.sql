-- V0025: education, the Study feature: heartbeat sessions (server-verified study time) and imported outside study hours.
CREATE TABLE "StudySessions" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "MemberId" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    "CourseId" uuid NOT NULL,
    "StartedAt" timestamp with time zone NOT NULL,
    "LastBeatAt" timestamp with time zone NOT NULL,
    "Beats" integer NOT NULL,
    "Seconds" integer NOT NULL,
    "LastPosition" integer,
    "EndedAt" timestamp with time zone,
    "EndReason" character varying(40),
    CONSTRAINT "PK_StudySessions" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_StudySessions_TenantId_MemberId_EndedAt" ON "StudySessions" ("TenantId", "MemberId", "EndedAt");

CREATE TABLE "ExternalStudyHours" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "MemberId" uuid NOT NULL,
    "Source" character varying(40) NOT NULL,
    "Month" date NOT NULL,
    "Points" integer NOT NULL,
    "HoursTenths" integer NOT NULL,
    "ImportedAt" timestamp with time zone NOT NULL,
    "ImportedBy" character varying(100) NOT NULL,
    CONSTRAINT "PK_ExternalStudyHours" PRIMARY KEY ("Id")
);

CREATE UNIQUE INDEX "IX_ExternalStudyHours_TenantId_MemberId_Source_Month" ON "ExternalStudyHours" ("TenantId", "MemberId", "Source", "Month");
