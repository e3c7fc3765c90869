-- V0008: code tables (代码表), record tabs (职务, 奖惩, 出国出境, 困难情况, 家庭成员), out-of-contact follow-ups (失联跟进)
-- and mobile-member registrations with their reports (流动党员).
CREATE TABLE "CodeItems" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CodeItems" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "Table" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "SortOrder" INTEGER NOT NULL,
    "IsActive" INTEGER NOT NULL DEFAULT 1
);

CREATE UNIQUE INDEX "IX_CodeItems_TenantId_Table_Name" ON "CodeItems" ("TenantId", "Table", "Name");
CREATE TABLE "MemberRecordEntries" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_MemberRecordEntries" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "MemberId" TEXT NOT NULL,
    "OrgUnitId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Category" TEXT NULL,
    "Title" TEXT NOT NULL,
    "Organisation" TEXT NULL,
    "StartedOn" TEXT NULL,
    "EndedOn" TEXT NULL,
    "Detail" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NULL
);

CREATE INDEX "IX_MemberRecordEntries_TenantId_MemberId_Kind" ON "MemberRecordEntries" ("TenantId", "MemberId", "Kind");
CREATE TABLE "ContactFollowUps" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ContactFollowUps" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "MemberId" TEXT NOT NULL,
    "OrgUnitId" TEXT NOT NULL,
    "On" TEXT NOT NULL,
    "Method" TEXT NOT NULL,
    "Reached" INTEGER NOT NULL,
    "ReasonCode" TEXT NULL,
    "Note" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CreatedByUserId" TEXT NULL,
    "CreatedByName" TEXT NOT NULL
);

CREATE INDEX "IX_ContactFollowUps_TenantId_MemberId_On" ON "ContactFollowUps" ("TenantId", "MemberId", "On");
CREATE TABLE "MobileRegistrations" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_MobileRegistrations" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "MemberId" TEXT NOT NULL,
    "OrgUnitId" TEXT NOT NULL,
    "MemberName" TEXT NOT NULL,
    "Destination" TEXT NOT NULL,
    "DestinationOrganisation" TEXT NULL,
    "ContactEncrypted" TEXT NULL,
    "CertificateNumber" TEXT NULL,
    "LeftOn" TEXT NOT NULL,
    "ReturnedOn" TEXT NULL,
    "Note" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL
);

CREATE INDEX "IX_MobileRegistrations_TenantId_MemberId" ON "MobileRegistrations" ("TenantId", "MemberId");
CREATE TABLE "MobileReports" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_MobileReports" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "RegistrationId" TEXT NOT NULL,
    "MemberId" TEXT NOT NULL,
    "OrgUnitId" TEXT NOT NULL,
    "ReportedOn" TEXT NOT NULL,
    "Method" TEXT NOT NULL,
    "Content" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL
);

CREATE INDEX "IX_MobileReports_TenantId_MemberId" ON "MobileReports" ("TenantId", "MemberId");
CREATE INDEX "IX_MobileReports_TenantId_RegistrationId_ReportedOn" ON "MobileReports" ("TenantId", "RegistrationId", "ReportedOn");
