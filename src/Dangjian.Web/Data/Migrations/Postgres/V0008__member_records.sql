-- V0008: code tables (代码表), record tabs (职务, 奖惩, 出国出境, 困难情况, 家庭成员), out-of-contact follow-ups (失联跟进)
-- and mobile-member registrations with their reports (流动党员).
CREATE TABLE "CodeItems" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "Table" character varying(40) NOT NULL,
    "Name" character varying(60) NOT NULL,
    "SortOrder" integer NOT NULL,
    "IsActive" boolean NOT NULL DEFAULT TRUE,
    CONSTRAINT "PK_CodeItems" PRIMARY KEY ("Id")
);

CREATE UNIQUE INDEX "IX_CodeItems_TenantId_Table_Name" ON "CodeItems" ("TenantId", "Table", "Name");
CREATE TABLE "MemberRecordEntries" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "MemberId" uuid NOT NULL,
    "OrgUnitId" uuid NOT NULL,
    "Kind" character varying(40) NOT NULL,
    "Category" character varying(40),
    "Title" character varying(100) NOT NULL,
    "Organisation" character varying(200),
    "StartedOn" date,
    "EndedOn" date,
    "Detail" character varying(1000),
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone,
    CONSTRAINT "PK_MemberRecordEntries" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_MemberRecordEntries_TenantId_MemberId_Kind" ON "MemberRecordEntries" ("TenantId", "MemberId", "Kind");
CREATE TABLE "ContactFollowUps" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "MemberId" uuid NOT NULL,
    "OrgUnitId" uuid NOT NULL,
    "On" date NOT NULL,
    "Method" character varying(40) NOT NULL,
    "Reached" boolean NOT NULL,
    "ReasonCode" character varying(40),
    "Note" character varying(1000),
    "CreatedAt" timestamp with time zone NOT NULL,
    "CreatedByUserId" uuid,
    "CreatedByName" character varying(100) NOT NULL,
    CONSTRAINT "PK_ContactFollowUps" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_ContactFollowUps_TenantId_MemberId_On" ON "ContactFollowUps" ("TenantId", "MemberId", "On");
CREATE TABLE "MobileRegistrations" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "MemberId" uuid NOT NULL,
    "OrgUnitId" uuid NOT NULL,
    "MemberName" character varying(50) NOT NULL,
    "Destination" character varying(200) NOT NULL,
    "DestinationOrganisation" character varying(200),
    "ContactEncrypted" character varying(200),
    "CertificateNumber" character varying(40),
    "LeftOn" date NOT NULL,
    "ReturnedOn" date,
    "Note" character varying(400),
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_MobileRegistrations" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_MobileRegistrations_TenantId_MemberId" ON "MobileRegistrations" ("TenantId", "MemberId");
CREATE TABLE "MobileReports" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "RegistrationId" uuid NOT NULL,
    "MemberId" uuid NOT NULL,
    "OrgUnitId" uuid NOT NULL,
    "ReportedOn" date NOT NULL,
    "Method" character varying(40) NOT NULL,
    "Content" character varying(1000) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_MobileReports" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_MobileReports_TenantId_MemberId" ON "MobileReports" ("TenantId", "MemberId");
CREATE INDEX "IX_MobileReports_TenantId_RegistrationId_ReportedOn" ON "MobileReports" ("TenantId", "RegistrationId", "ReportedOn");
