-- V0004: party dues: bases per member and month (第十条) and monthly payments, one per member and month.
CREATE TABLE "DuesBases" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "MemberId" uuid NOT NULL,
    "OrgUnitId" uuid NOT NULL,
    "EffectiveMonth" date NOT NULL,
    "Category" character varying(40) NOT NULL,
    "BaseFen" bigint NOT NULL,
    "Note" character varying(200),
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone,
    CONSTRAINT "PK_DuesBases" PRIMARY KEY ("Id")
);

CREATE TABLE "DuesPayments" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "MemberId" uuid NOT NULL,
    "OrgUnitId" uuid NOT NULL,
    "OrgPath" character varying(400) COLLATE "C" NOT NULL,
    "Month" date NOT NULL,
    "AmountFen" bigint NOT NULL,
    "VoluntaryFen" bigint NOT NULL,
    "PaidOn" date NOT NULL,
    "Method" character varying(40) NOT NULL,
    "ProxyConsent" boolean NOT NULL,
    "ToCentre" boolean NOT NULL,
    "RecordedByUserId" uuid,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_DuesPayments" PRIMARY KEY ("Id")
);

CREATE UNIQUE INDEX "IX_DuesBases_TenantId_MemberId_EffectiveMonth" ON "DuesBases" ("TenantId", "MemberId", "EffectiveMonth");
CREATE UNIQUE INDEX "IX_DuesPayments_TenantId_MemberId_Month" ON "DuesPayments" ("TenantId", "MemberId", "Month");
CREATE INDEX "IX_DuesPayments_TenantId_OrgPath_Month" ON "DuesPayments" ("TenantId", "OrgPath", "Month");
