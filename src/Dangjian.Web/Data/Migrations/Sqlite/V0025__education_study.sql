-- V0025: education, the Study feature: heartbeat sessions (server-verified study time) and imported outside study hours.
CREATE TABLE "StudySessions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_StudySessions" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "MemberId" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "CourseId" TEXT NOT NULL,
    "StartedAt" INTEGER NOT NULL,
    "LastBeatAt" INTEGER NOT NULL,
    "Beats" INTEGER NOT NULL,
    "Seconds" INTEGER NOT NULL,
    "LastPosition" INTEGER NULL,
    "EndedAt" INTEGER NULL,
    "EndReason" TEXT NULL
);

CREATE INDEX "IX_StudySessions_TenantId_MemberId_EndedAt" ON "StudySessions" ("TenantId", "MemberId", "EndedAt");

CREATE TABLE "ExternalStudyHours" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ExternalStudyHours" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "MemberId" TEXT NOT NULL,
    "Source" TEXT NOT NULL,
    "Month" TEXT NOT NULL,
    "Points" INTEGER NOT NULL,
    "HoursTenths" INTEGER NOT NULL,
    "ImportedAt" INTEGER NOT NULL,
    "ImportedBy" TEXT NOT NULL
);

CREATE UNIQUE INDEX "IX_ExternalStudyHours_TenantId_MemberId_Source_Month" ON "ExternalStudyHours" ("TenantId", "MemberId", "Source", "Month");
