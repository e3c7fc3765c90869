-- V0005: organisational-relation transfers (组织关系转接) with numbered letters.
CREATE TABLE "MemberTransfers" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "MemberId" uuid NOT NULL,
    "MemberName" character varying(50) NOT NULL,
    "FromUnitId" uuid NOT NULL,
    "FromPath" character varying(400) COLLATE "C" NOT NULL,
    "ToUnitId" uuid,
    "ToPath" character varying(400) COLLATE "C",
    "Destination" character varying(200),
    "Kind" character varying(40) NOT NULL,
    "Status" character varying(40) NOT NULL,
    "LetterNumber" character varying(40) NOT NULL,
    "IssuedOn" date NOT NULL,
    "ValidUntil" date NOT NULL,
    "DuesPaidUntil" date,
    "Reason" character varying(400),
    "CreatedAt" timestamp with time zone NOT NULL,
    "CreatedByUserId" uuid NOT NULL,
    "DecidedOn" date,
    "DecidedByUserId" uuid,
    "DecisionNote" character varying(400),
    CONSTRAINT "PK_MemberTransfers" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_MemberTransfers_TenantId_FromPath" ON "MemberTransfers" ("TenantId", "FromPath");
CREATE UNIQUE INDEX "IX_MemberTransfers_TenantId_LetterNumber" ON "MemberTransfers" ("TenantId", "LetterNumber");
CREATE INDEX "IX_MemberTransfers_TenantId_MemberId_Status" ON "MemberTransfers" ("TenantId", "MemberId", "Status");
CREATE INDEX "IX_MemberTransfers_TenantId_ToPath" ON "MemberTransfers" ("TenantId", "ToPath");
