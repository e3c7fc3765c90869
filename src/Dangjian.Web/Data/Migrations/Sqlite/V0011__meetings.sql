-- V0011: organisational life (组织生活): meetings and sign-ins.
CREATE TABLE "Meetings" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Meetings" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "OrgUnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Type" TEXT NOT NULL,
    "Topic" TEXT NOT NULL,
    "StartsAt" INTEGER NOT NULL,
    "EndsAt" INTEGER NOT NULL,
    "Mode" TEXT NOT NULL,
    "Place" TEXT NULL,
    "OnlineLink" TEXT NULL,
    "HostUserId" TEXT NOT NULL,
    "HostName" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "PreApproval" TEXT NOT NULL,
    "SubmittedAt" INTEGER NULL,
    "DecidedAt" INTEGER NULL,
    "DecidedBy" TEXT NULL,
    "ReturnReason" TEXT NULL,
    "FirstTopicId" TEXT NULL,
    "SignInSecret" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NULL
);

CREATE INDEX "IX_Meetings_TenantId_OrgPath_StartsAt" ON "Meetings" ("TenantId", "OrgPath", "StartsAt");

CREATE TABLE "MeetingSignIns" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_MeetingSignIns" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "MeetingId" TEXT NOT NULL,
    "MemberId" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "SignedAt" INTEGER NOT NULL,
    "Late" INTEGER NOT NULL,
    "Remote" INTEGER NOT NULL,
    "Method" TEXT NOT NULL
);

CREATE UNIQUE INDEX "IX_MeetingSignIns_TenantId_MeetingId_MemberId" ON "MeetingSignIns" ("TenantId", "MeetingId", "MemberId");
CREATE INDEX "IX_MeetingSignIns_TenantId_MemberId_SignedAt" ON "MeetingSignIns" ("TenantId", "MemberId", "SignedAt");

CREATE TABLE "MeetingLeaves" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_MeetingLeaves" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "MeetingId" TEXT NOT NULL,
    "MemberId" TEXT NOT NULL,
    "MemberName" TEXT NOT NULL,
    "Reason" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "RequestedAt" INTEGER NOT NULL,
    "DecidedBy" TEXT NULL,
    "DecidedAt" INTEGER NULL
);

CREATE UNIQUE INDEX "IX_MeetingLeaves_TenantId_MeetingId_MemberId" ON "MeetingLeaves" ("TenantId", "MeetingId", "MemberId");

CREATE INDEX "IX_Meetings_TenantId_FirstTopicId" ON "Meetings" ("TenantId", "FirstTopicId");

CREATE TABLE "FirstTopics" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_FirstTopics" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "OrgUnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Source" TEXT NULL,
    "PublishedAt" INTEGER NOT NULL,
    "PublishedBy" TEXT NOT NULL
);

CREATE INDEX "IX_FirstTopics_TenantId_OrgPath_PublishedAt" ON "FirstTopics" ("TenantId", "OrgPath", "PublishedAt");

CREATE TABLE "MeetingObservers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_MeetingObservers" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "MeetingId" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "AssignedBy" TEXT NOT NULL,
    "AssignedAt" INTEGER NOT NULL,
    "Criticism" INTEGER NULL,
    "Preparation" INTEGER NULL,
    "Participation" INTEGER NULL,
    "Comment" TEXT NULL,
    "RatedAt" INTEGER NULL
);

CREATE UNIQUE INDEX "IX_MeetingObservers_TenantId_MeetingId_UserId" ON "MeetingObservers" ("TenantId", "MeetingId", "UserId");

CREATE TABLE "AppraisalSelves" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AppraisalSelves" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "MeetingId" TEXT NOT NULL,
    "MemberId" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "Grade" TEXT NOT NULL,
    "At" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "IX_AppraisalSelves_TenantId_MeetingId_MemberId" ON "AppraisalSelves" ("TenantId", "MeetingId", "MemberId");

CREATE TABLE "AppraisalVotes" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AppraisalVotes" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "MeetingId" TEXT NOT NULL,
    "VoterMemberId" TEXT NOT NULL,
    "SubjectMemberId" TEXT NOT NULL,
    "Grade" TEXT NOT NULL,
    "At" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "IX_AppraisalVotes_Ballot" ON "AppraisalVotes" ("TenantId", "MeetingId", "VoterMemberId", "SubjectMemberId");

CREATE TABLE "AppraisalResults" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AppraisalResults" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "MeetingId" TEXT NOT NULL,
    "MemberId" TEXT NOT NULL,
    "Year" INTEGER NOT NULL,
    "Grade" TEXT NOT NULL,
    "Voters" INTEGER NOT NULL,
    "Excellent" INTEGER NOT NULL,
    "Qualified" INTEGER NOT NULL,
    "BasicallyQualified" INTEGER NOT NULL,
    "Unqualified" INTEGER NOT NULL,
    "DecidedAt" INTEGER NOT NULL
);

CREATE INDEX "IX_AppraisalResults_TenantId_MemberId_Year" ON "AppraisalResults" ("TenantId", "MemberId", "Year");
CREATE UNIQUE INDEX "IX_AppraisalResults_TenantId_MeetingId_MemberId" ON "AppraisalResults" ("TenantId", "MeetingId", "MemberId");

CREATE TABLE "MeetingRecords" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_MeetingRecords" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "MeetingId" TEXT NOT NULL,
    "Minutes" TEXT NOT NULL,
    "Recorder" TEXT NOT NULL,
    "Locked" INTEGER NOT NULL,
    "LockedAt" INTEGER NULL,
    "LockedBy" TEXT NULL,
    "UpdatedAt" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "IX_MeetingRecords_TenantId_MeetingId" ON "MeetingRecords" ("TenantId", "MeetingId");

CREATE TABLE "MeetingResolutions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_MeetingResolutions" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "MeetingId" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Entitled" INTEGER NOT NULL,
    "Present" INTEGER NOT NULL,
    "Yes" INTEGER NOT NULL,
    "No" INTEGER NOT NULL,
    "Abstain" INTEGER NOT NULL,
    "Passed" INTEGER NOT NULL,
    "CreatedAt" INTEGER NOT NULL
);

CREATE INDEX "IX_MeetingResolutions_TenantId_MeetingId" ON "MeetingResolutions" ("TenantId", "MeetingId");

CREATE TABLE "MeetingAttachments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_MeetingAttachments" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "MeetingId" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Size" INTEGER NOT NULL,
    "Sha256" TEXT NOT NULL,
    "Content" BLOB NOT NULL,
    "UploadedBy" TEXT NOT NULL,
    "UploadedAt" INTEGER NOT NULL
);

CREATE INDEX "IX_MeetingAttachments_TenantId_MeetingId" ON "MeetingAttachments" ("TenantId", "MeetingId");

CREATE TABLE "MeetingAmendments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_MeetingAmendments" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "MeetingId" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "By" TEXT NOT NULL,
    "At" INTEGER NOT NULL
);

CREATE INDEX "IX_MeetingAmendments_TenantId_MeetingId" ON "MeetingAmendments" ("TenantId", "MeetingId");
