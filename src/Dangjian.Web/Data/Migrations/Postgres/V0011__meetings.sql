-- V0011: organisational life (组织生活): meetings and sign-ins.
CREATE TABLE "Meetings" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "OrgUnitId" uuid NOT NULL,
    "OrgPath" character varying(400) COLLATE "C" NOT NULL,
    "Type" character varying(40) NOT NULL,
    "Topic" character varying(200) NOT NULL,
    "StartsAt" timestamp with time zone NOT NULL,
    "EndsAt" timestamp with time zone NOT NULL,
    "Mode" character varying(40) NOT NULL,
    "Place" character varying(200),
    "OnlineLink" character varying(400),
    "HostUserId" uuid NOT NULL,
    "HostName" character varying(100) NOT NULL,
    "Status" character varying(40) NOT NULL,
    "PreApproval" character varying(40) NOT NULL,
    "SubmittedAt" timestamp with time zone,
    "DecidedAt" timestamp with time zone,
    "DecidedBy" character varying(100),
    "ReturnReason" character varying(400),
    "FirstTopicId" uuid,
    "SignInSecret" character varying(64) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone,
    CONSTRAINT "PK_Meetings" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_Meetings_TenantId_OrgPath_StartsAt" ON "Meetings" ("TenantId", "OrgPath", "StartsAt");

CREATE TABLE "MeetingSignIns" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "MeetingId" uuid NOT NULL,
    "MemberId" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    "SignedAt" timestamp with time zone NOT NULL,
    "Late" boolean NOT NULL,
    "Remote" boolean NOT NULL,
    "Method" character varying(40) NOT NULL,
    CONSTRAINT "PK_MeetingSignIns" PRIMARY KEY ("Id")
);

CREATE UNIQUE INDEX "IX_MeetingSignIns_TenantId_MeetingId_MemberId" ON "MeetingSignIns" ("TenantId", "MeetingId", "MemberId");
CREATE INDEX "IX_MeetingSignIns_TenantId_MemberId_SignedAt" ON "MeetingSignIns" ("TenantId", "MemberId", "SignedAt");

CREATE TABLE "MeetingLeaves" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "MeetingId" uuid NOT NULL,
    "MemberId" uuid NOT NULL,
    "MemberName" character varying(100) NOT NULL,
    "Reason" character varying(400) NOT NULL,
    "Status" character varying(40) NOT NULL,
    "RequestedAt" timestamp with time zone NOT NULL,
    "DecidedBy" character varying(100),
    "DecidedAt" timestamp with time zone,
    CONSTRAINT "PK_MeetingLeaves" PRIMARY KEY ("Id")
);

CREATE UNIQUE INDEX "IX_MeetingLeaves_TenantId_MeetingId_MemberId" ON "MeetingLeaves" ("TenantId", "MeetingId", "MemberId");

CREATE INDEX "IX_Meetings_TenantId_FirstTopicId" ON "Meetings" ("TenantId", "FirstTopicId");

CREATE TABLE "FirstTopics" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "OrgUnitId" uuid NOT NULL,
    "OrgPath" character varying(400) COLLATE "C" NOT NULL,
    "Title" character varying(200) NOT NULL,
    "Source" character varying(200),
    "PublishedAt" timestamp with time zone NOT NULL,
    "PublishedBy" character varying(100) NOT NULL,
    CONSTRAINT "PK_FirstTopics" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_FirstTopics_TenantId_OrgPath_PublishedAt" ON "FirstTopics" ("TenantId", "OrgPath", "PublishedAt");

CREATE TABLE "MeetingObservers" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "MeetingId" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    "Name" character varying(100) NOT NULL,
    "AssignedBy" character varying(100) NOT NULL,
    "AssignedAt" timestamp with time zone NOT NULL,
    "Criticism" integer,
    "Preparation" integer,
    "Participation" integer,
    "Comment" character varying(1000),
    "RatedAt" timestamp with time zone,
    CONSTRAINT "PK_MeetingObservers" PRIMARY KEY ("Id")
);

CREATE UNIQUE INDEX "IX_MeetingObservers_TenantId_MeetingId_UserId" ON "MeetingObservers" ("TenantId", "MeetingId", "UserId");

CREATE TABLE "AppraisalSelves" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "MeetingId" uuid NOT NULL,
    "MemberId" uuid NOT NULL,
    "Text" character varying(2000) NOT NULL,
    "Grade" character varying(40) NOT NULL,
    "At" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_AppraisalSelves" PRIMARY KEY ("Id")
);

CREATE UNIQUE INDEX "IX_AppraisalSelves_TenantId_MeetingId_MemberId" ON "AppraisalSelves" ("TenantId", "MeetingId", "MemberId");

CREATE TABLE "AppraisalVotes" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "MeetingId" uuid NOT NULL,
    "VoterMemberId" uuid NOT NULL,
    "SubjectMemberId" uuid NOT NULL,
    "Grade" character varying(40) NOT NULL,
    "At" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_AppraisalVotes" PRIMARY KEY ("Id")
);

CREATE UNIQUE INDEX "IX_AppraisalVotes_Ballot" ON "AppraisalVotes" ("TenantId", "MeetingId", "VoterMemberId", "SubjectMemberId");

CREATE TABLE "AppraisalResults" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "MeetingId" uuid NOT NULL,
    "MemberId" uuid NOT NULL,
    "Year" integer NOT NULL,
    "Grade" character varying(40) NOT NULL,
    "Voters" integer NOT NULL,
    "Excellent" integer NOT NULL,
    "Qualified" integer NOT NULL,
    "BasicallyQualified" integer NOT NULL,
    "Unqualified" integer NOT NULL,
    "DecidedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_AppraisalResults" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_AppraisalResults_TenantId_MemberId_Year" ON "AppraisalResults" ("TenantId", "MemberId", "Year");
CREATE UNIQUE INDEX "IX_AppraisalResults_TenantId_MeetingId_MemberId" ON "AppraisalResults" ("TenantId", "MeetingId", "MemberId");

CREATE TABLE "MeetingRecords" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "MeetingId" uuid NOT NULL,
    "Minutes" character varying(20000) NOT NULL,
    "Recorder" character varying(100) NOT NULL,
    "Locked" boolean NOT NULL,
    "LockedAt" timestamp with time zone,
    "LockedBy" character varying(100),
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_MeetingRecords" PRIMARY KEY ("Id")
);

CREATE UNIQUE INDEX "IX_MeetingRecords_TenantId_MeetingId" ON "MeetingRecords" ("TenantId", "MeetingId");

CREATE TABLE "MeetingResolutions" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "MeetingId" uuid NOT NULL,
    "Title" character varying(200) NOT NULL,
    "Entitled" integer NOT NULL,
    "Present" integer NOT NULL,
    "Yes" integer NOT NULL,
    "No" integer NOT NULL,
    "Abstain" integer NOT NULL,
    "Passed" boolean NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_MeetingResolutions" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_MeetingResolutions_TenantId_MeetingId" ON "MeetingResolutions" ("TenantId", "MeetingId");

CREATE TABLE "MeetingAttachments" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "MeetingId" uuid NOT NULL,
    "FileName" character varying(200) NOT NULL,
    "ContentType" character varying(100) NOT NULL,
    "Size" bigint NOT NULL,
    "Sha256" character varying(64) NOT NULL,
    "Content" bytea NOT NULL,
    "UploadedBy" character varying(100) NOT NULL,
    "UploadedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_MeetingAttachments" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_MeetingAttachments_TenantId_MeetingId" ON "MeetingAttachments" ("TenantId", "MeetingId");

CREATE TABLE "MeetingAmendments" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "MeetingId" uuid NOT NULL,
    "Text" character varying(4000) NOT NULL,
    "By" character varying(100) NOT NULL,
    "At" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_MeetingAmendments" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_MeetingAmendments_TenantId_MeetingId" ON "MeetingAmendments" ("TenantId", "MeetingId");
