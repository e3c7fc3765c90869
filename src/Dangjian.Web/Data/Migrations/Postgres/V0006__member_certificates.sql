-- V0006: 党员证明信 (membership certificates for an absence of six months or less).
CREATE TABLE "MemberCertificates" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "MemberId" uuid NOT NULL,
    "MemberName" character varying(50) NOT NULL,
    "OrgUnitId" uuid NOT NULL,
    "OrgPath" character varying(400) COLLATE "C" NOT NULL,
    "Number" character varying(40) NOT NULL,
    "Destination" character varying(200) NOT NULL,
    "Reason" character varying(400),
    "FromDate" date NOT NULL,
    "ToDate" date NOT NULL,
    "IssuedOn" date NOT NULL,
    "Status" character varying(40) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "CreatedByUserId" uuid NOT NULL,
    "CancelledOn" date,
    "CancelledByUserId" uuid,
    CONSTRAINT "PK_MemberCertificates" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_MemberCertificates_TenantId_MemberId" ON "MemberCertificates" ("TenantId", "MemberId");
CREATE INDEX "IX_MemberCertificates_TenantId_OrgPath" ON "MemberCertificates" ("TenantId", "OrgPath");
CREATE UNIQUE INDEX "IX_MemberCertificates_TenantId_Number" ON "MemberCertificates" ("TenantId", "Number");
