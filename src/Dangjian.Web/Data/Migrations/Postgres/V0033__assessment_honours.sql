-- V0033: assessment honours (先优评选): campaigns, quotas per unit, nominations, votes, objections to the notice and awards.

CREATE TABLE "HonourCampaigns" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "OrgUnitId" uuid NOT NULL,
    "OrgPath" character varying(400) COLLATE "C" NOT NULL,
    "Year" integer NOT NULL,
    "Title" character varying(200) NOT NULL,
    "ExcellentMembers" integer NOT NULL,
    "ExcellentWorkers" integer NOT NULL,
    "AdvancedOrganisations" integer NOT NULL,
    "NominationOpensOn" date NOT NULL,
    "NominationClosesOn" date NOT NULL,
    "VoteClosesOn" date NOT NULL,
    "NoticeStartsOn" date NOT NULL,
    "NoticeEndsOn" date NOT NULL,
    "AwardOn" date NOT NULL,
    "Status" character varying(40) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "CreatedBy" character varying(100) NOT NULL,
    "UpdatedAt" timestamp with time zone,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_HonourCampaigns" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_HonourCampaigns_TenantId_OrgPath_Year" ON "HonourCampaigns" ("TenantId", "OrgPath", "Year");

CREATE TABLE "HonourQuotas" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "CampaignId" uuid NOT NULL,
    "OrgUnitId" uuid NOT NULL,
    "OrgPath" character varying(400) COLLATE "C" NOT NULL,
    "Kind" character varying(40) NOT NULL,
    "Number" integer NOT NULL,
    CONSTRAINT "PK_HonourQuotas" PRIMARY KEY ("Id")
);

CREATE UNIQUE INDEX "IX_HonourQuotas_TenantId_CampaignId_OrgUnitId_Kind" ON "HonourQuotas" ("TenantId", "CampaignId", "OrgUnitId", "Kind");

CREATE TABLE "HonourNominations" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "CampaignId" uuid NOT NULL,
    "Kind" character varying(40) NOT NULL,
    "NomineeId" uuid NOT NULL,
    "NomineeName" character varying(100) NOT NULL,
    "NomineePath" character varying(400) COLLATE "C" NOT NULL,
    "OrgUnitId" uuid NOT NULL,
    "OrgPath" character varying(400) COLLATE "C" NOT NULL,
    "Reason" character varying(1000) NOT NULL,
    "Status" character varying(40) NOT NULL,
    "NominatedAt" timestamp with time zone NOT NULL,
    "NominatedBy" character varying(100) NOT NULL,
    "ApprovedAt" timestamp with time zone,
    "ApprovedBy" character varying(100),
    CONSTRAINT "PK_HonourNominations" PRIMARY KEY ("Id")
);

CREATE UNIQUE INDEX "IX_HonourNominations_TenantId_CampaignId_Kind_NomineeId" ON "HonourNominations" ("TenantId", "CampaignId", "Kind", "NomineeId");

CREATE INDEX "IX_HonourNominations_TenantId_CampaignId_OrgPath" ON "HonourNominations" ("TenantId", "CampaignId", "OrgPath");

CREATE TABLE "HonourVotes" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "CampaignId" uuid NOT NULL,
    "NominationId" uuid NOT NULL,
    "VoterMemberId" uuid NOT NULL,
    "Yes" boolean NOT NULL,
    "At" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_HonourVotes" PRIMARY KEY ("Id")
);

CREATE UNIQUE INDEX "IX_HonourVotes_TenantId_NominationId_VoterMemberId" ON "HonourVotes" ("TenantId", "NominationId", "VoterMemberId");

CREATE INDEX "IX_HonourVotes_TenantId_CampaignId" ON "HonourVotes" ("TenantId", "CampaignId");

CREATE TABLE "HonourObjections" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "CampaignId" uuid NOT NULL,
    "CampaignUnitId" uuid NOT NULL,
    "NominationId" uuid NOT NULL,
    "LodgedByUserId" uuid NOT NULL,
    "Text" character varying(1000) NOT NULL,
    "LodgedAt" timestamp with time zone NOT NULL,
    "Outcome" character varying(40) NOT NULL,
    "Answer" character varying(1000),
    "AnsweredAt" timestamp with time zone,
    "AnsweredBy" character varying(100),
    CONSTRAINT "PK_HonourObjections" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_HonourObjections_TenantId_CampaignId_NominationId" ON "HonourObjections" ("TenantId", "CampaignId", "NominationId");

CREATE TABLE "HonourAwards" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "CampaignId" uuid NOT NULL,
    "NominationId" uuid NOT NULL,
    "Kind" character varying(40) NOT NULL,
    "NomineeId" uuid NOT NULL,
    "NomineeName" character varying(100) NOT NULL,
    "OrgPath" character varying(400) COLLATE "C" NOT NULL,
    "OrgUnitId" uuid NOT NULL,
    "Year" integer NOT NULL,
    "CampaignTitle" character varying(200) NOT NULL,
    "AwardedOn" date NOT NULL,
    "AwardedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_HonourAwards" PRIMARY KEY ("Id")
);

CREATE UNIQUE INDEX "IX_HonourAwards_TenantId_NominationId" ON "HonourAwards" ("TenantId", "NominationId");

CREATE INDEX "IX_HonourAwards_TenantId_NomineeId" ON "HonourAwards" ("TenantId", "NomineeId");

CREATE INDEX "IX_HonourAwards_TenantId_OrgPath" ON "HonourAwards" ("TenantId", "OrgPath");
