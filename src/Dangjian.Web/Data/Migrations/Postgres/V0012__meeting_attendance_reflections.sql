-- V0012: the closed roll of each meeting (who was expected, and how they came out of it), and members' reflections (心得).
ALTER TABLE "Meetings" ADD COLUMN "RollClosedAt" timestamp with time zone NULL;
CREATE INDEX "IX_Meetings_TenantId_RollClosedAt_EndsAt" ON "Meetings" ("TenantId", "RollClosedAt", "EndsAt");

CREATE TABLE "MeetingAttendances" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "MeetingId" uuid NOT NULL,
    "MemberId" uuid NOT NULL,
    "OrgPath" character varying(400) COLLATE "C" NOT NULL,
    "MeetingType" character varying(40) NOT NULL,
    "StartsAt" timestamp with time zone NOT NULL,
    "Month" integer NOT NULL,
    "Outcome" character varying(40) NOT NULL,
    "Remote" boolean NOT NULL,
    CONSTRAINT "PK_MeetingAttendances" PRIMARY KEY ("Id")
);

CREATE UNIQUE INDEX "IX_MeetingAttendances_TenantId_MeetingId_MemberId" ON "MeetingAttendances" ("TenantId", "MeetingId", "MemberId");
CREATE INDEX "IX_MeetingAttendances_TenantId_OrgPath_StartsAt" ON "MeetingAttendances" ("TenantId", "OrgPath", "StartsAt");
CREATE INDEX "IX_MeetingAttendances_TenantId_MemberId_StartsAt" ON "MeetingAttendances" ("TenantId", "MemberId", "StartsAt");
CREATE INDEX "IX_MeetingAttendances_TenantId_Month" ON "MeetingAttendances" ("TenantId", "Month");

-- 心得: one per person and meeting.
CREATE TABLE "MeetingReflections" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "MeetingId" uuid NOT NULL,
    "OrgUnitId" uuid NOT NULL,
    "MemberId" uuid NOT NULL,
    "MemberName" character varying(100) NOT NULL,
    "Text" character varying(4000) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NULL,
    CONSTRAINT "PK_MeetingReflections" PRIMARY KEY ("Id")
);

CREATE UNIQUE INDEX "IX_MeetingReflections_TenantId_MeetingId_MemberId" ON "MeetingReflections" ("TenantId", "MeetingId", "MemberId");
