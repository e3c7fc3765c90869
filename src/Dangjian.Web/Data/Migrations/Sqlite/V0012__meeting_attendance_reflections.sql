-- V0012: the closed roll of each meeting (who was expected, and how they came out of it), and members' reflections (心得).
ALTER TABLE "Meetings" ADD COLUMN "RollClosedAt" INTEGER NULL;
CREATE INDEX "IX_Meetings_TenantId_RollClosedAt_EndsAt" ON "Meetings" ("TenantId", "RollClosedAt", "EndsAt");

CREATE TABLE "MeetingAttendances" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_MeetingAttendances" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "MeetingId" TEXT NOT NULL,
    "MemberId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "MeetingType" TEXT NOT NULL,
    "StartsAt" INTEGER NOT NULL,
    "Month" INTEGER NOT NULL,
    "Outcome" TEXT NOT NULL,
    "Remote" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "IX_MeetingAttendances_TenantId_MeetingId_MemberId" ON "MeetingAttendances" ("TenantId", "MeetingId", "MemberId");
CREATE INDEX "IX_MeetingAttendances_TenantId_OrgPath_StartsAt" ON "MeetingAttendances" ("TenantId", "OrgPath", "StartsAt");
CREATE INDEX "IX_MeetingAttendances_TenantId_MemberId_StartsAt" ON "MeetingAttendances" ("TenantId", "MemberId", "StartsAt");
CREATE INDEX "IX_MeetingAttendances_TenantId_Month" ON "MeetingAttendances" ("TenantId", "Month");

-- 心得: one per person and meeting.
CREATE TABLE "MeetingReflections" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_MeetingReflections" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "MeetingId" TEXT NOT NULL,
    "OrgUnitId" TEXT NOT NULL,
    "MemberId" TEXT NOT NULL,
    "MemberName" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NULL
);

CREATE UNIQUE INDEX "IX_MeetingReflections_TenantId_MeetingId_MemberId" ON "MeetingReflections" ("TenantId", "MeetingId", "MemberId");
