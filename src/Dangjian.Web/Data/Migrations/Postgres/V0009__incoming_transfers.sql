-- V0009: incoming transfers (转入) from outside the tenant; 党费交至 of the letter kept on the member record.
ALTER TABLE "Members" ADD COLUMN "DuesSettledUntil" date;

CREATE TABLE "IncomingTransfers" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "ToUnitId" uuid NOT NULL,
    "ToPath" character varying(400) COLLATE "C" NOT NULL,
    "LetterNumber" character varying(60) NOT NULL,
    "IssuedBy" character varying(200) NOT NULL,
    "IssuedOn" date NOT NULL,
    "ValidUntil" date NOT NULL,
    "DuesPaidUntil" date,
    "Name" character varying(50) NOT NULL,
    "IdNumberEncrypted" character varying(200) NOT NULL,
    "IdNumberHash" character varying(64) NOT NULL,
    "IdNumberMasked" character varying(20) NOT NULL,
    "Category" character varying(40) NOT NULL,
    "JoinedOn" date NOT NULL,
    "FullMemberOn" date,
    "MobileEncrypted" character varying(200),
    "Status" character varying(40) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "CreatedByUserId" uuid NOT NULL,
    "DecidedOn" date,
    "DecidedByUserId" uuid,
    "DecisionNote" character varying(400),
    "MemberId" uuid,
    "Returning" boolean NOT NULL,
    CONSTRAINT "PK_IncomingTransfers" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_IncomingTransfers_TenantId_IdNumberHash_Status" ON "IncomingTransfers" ("TenantId", "IdNumberHash", "Status");
CREATE INDEX "IX_IncomingTransfers_TenantId_ToPath_Status" ON "IncomingTransfers" ("TenantId", "ToPath", "Status");
