-- V0007: dues usage (党费使用), append-only with reversals; uploads say which import they belong to (roster or dues bases).
CREATE TABLE "DuesUsages" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "OrgUnitId" uuid NOT NULL,
    "OrgPath" character varying(400) COLLATE "C" NOT NULL,
    "SpentOn" date NOT NULL,
    "AmountFen" bigint NOT NULL,
    "Purpose" character varying(40) NOT NULL,
    "Description" character varying(500) NOT NULL,
    "ApprovedBy" character varying(50) NOT NULL,
    "ApprovedOn" date NOT NULL,
    "ReversesId" uuid,
    "RecordedByUserId" uuid,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_DuesUsages" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_DuesUsages_TenantId_OrgPath_SpentOn" ON "DuesUsages" ("TenantId", "OrgPath", "SpentOn");
CREATE UNIQUE INDEX "IX_DuesUsages_TenantId_ReversesId" ON "DuesUsages" ("TenantId", "ReversesId");

-- Uploads made before this version are roster uploads.
ALTER TABLE "ImportUploads" ADD COLUMN "Kind" character varying(40) NOT NULL DEFAULT 'members';
