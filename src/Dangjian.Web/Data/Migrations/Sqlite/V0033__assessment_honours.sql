-- V0033: assessment honours (先优评选): campaigns, quotas per unit, nominations, votes, objections to the notice and awards.

CREATE TABLE "HonourCampaigns" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_HonourCampaigns" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "OrgUnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Year" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "ExcellentMembers" INTEGER NOT NULL,
    "ExcellentWorkers" INTEGER NOT NULL,
    "AdvancedOrganisations" INTEGER NOT NULL,
    "NominationOpensOn" TEXT NOT NULL,
    "NominationClosesOn" TEXT NOT NULL,
    "VoteClosesOn" TEXT NOT NULL,
    "NoticeStartsOn" TEXT NOT NULL,
    "NoticeEndsOn" TEXT NOT NULL,
    "AwardOn" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "UpdatedAt" INTEGER NULL,
    "Version" INTEGER NOT NULL
);

CREATE INDEX "IX_HonourCampaigns_TenantId_OrgPath_Year" ON "HonourCampaigns" ("TenantId", "OrgPath", "Year");

CREATE TABLE "HonourQuotas" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_HonourQuotas" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "CampaignId" TEXT NOT NULL,
    "OrgUnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Number" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "IX_HonourQuotas_TenantId_CampaignId_OrgUnitId_Kind" ON "HonourQuotas" ("TenantId", "CampaignId", "OrgUnitId", "Kind");

CREATE TABLE "HonourNominations" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_HonourNominations" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "CampaignId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "NomineeId" TEXT NOT NULL,
    "NomineeName" TEXT NOT NULL,
    "NomineePath" TEXT NOT NULL,
    "OrgUnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Reason" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "NominatedAt" INTEGER NOT NULL,
    "NominatedBy" TEXT NOT NULL,
    "ApprovedAt" INTEGER NULL,
    "ApprovedBy" TEXT NULL
);

CREATE UNIQUE INDEX "IX_HonourNominations_TenantId_CampaignId_Kind_NomineeId" ON "HonourNominations" ("TenantId", "CampaignId", "Kind", "NomineeId");

CREATE INDEX "IX_HonourNominations_TenantId_CampaignId_OrgPath" ON "HonourNominations" ("TenantId", "CampaignId", "OrgPath");

CREATE TABLE "HonourVotes" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_HonourVotes" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "CampaignId" TEXT NOT NULL,
    "NominationId" TEXT NOT NULL,
    "VoterMemberId" TEXT NOT NULL,
    "Yes" INTEGER NOT NULL,
    "At" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "IX_HonourVotes_TenantId_NominationId_VoterMemberId" ON "HonourVotes" ("TenantId", "NominationId", "VoterMemberId");

CREATE INDEX "IX_HonourVotes_TenantId_CampaignId" ON "HonourVotes" ("TenantId", "CampaignId");

CREATE TABLE "HonourObjections" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_HonourObjections" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "CampaignId" TEXT NOT NULL,
    "CampaignUnitId" TEXT NOT NULL,
    "NominationId" TEXT NOT NULL,
    "LodgedByUserId" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "LodgedAt" INTEGER NOT NULL,
    "Outcome" TEXT NOT NULL,
    "Answer" TEXT NULL,
    "AnsweredAt" INTEGER NULL,
    "AnsweredBy" TEXT NULL
);

CREATE INDEX "IX_HonourObjections_TenantId_CampaignId_NominationId" ON "HonourObjections" ("TenantId", "CampaignId", "NominationId");

CREATE TABLE "HonourAwards" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_HonourAwards" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "CampaignId" TEXT NOT NULL,
    "NominationId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "NomineeId" TEXT NOT NULL,
    "NomineeName" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "OrgUnitId" TEXT NOT NULL,
    "Year" INTEGER NOT NULL,
    "CampaignTitle" TEXT NOT NULL,
    "AwardedOn" TEXT NOT NULL,
    "AwardedAt" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "IX_HonourAwards_TenantId_NominationId" ON "HonourAwards" ("TenantId", "NominationId");

CREATE INDEX "IX_HonourAwards_TenantId_NomineeId" ON "HonourAwards" ("TenantId", "NomineeId");

CREATE INDEX "IX_HonourAwards_TenantId_OrgPath" ON "HonourAwards" ("TenantId", "OrgPath");
