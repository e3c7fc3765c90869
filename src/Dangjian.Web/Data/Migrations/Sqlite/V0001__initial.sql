-- V0001: initial schema (org tree, members roll, committees and terms, accounts, audit, ledger, jobs, inbox).
CREATE TABLE "AuditEntries" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AuditEntries" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "At" INTEGER NOT NULL,
    "UserId" TEXT NULL,
    "UserName" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "EntityType" TEXT NOT NULL,
    "EntityId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Before" TEXT NULL,
    "After" TEXT NULL
);


CREATE TABLE "CommitteeTerms" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CommitteeTerms" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "OrgUnitId" TEXT NOT NULL,
    "Number" INTEGER NOT NULL,
    "StartOn" TEXT NOT NULL,
    "EndOn" TEXT NOT NULL,
    "ElectedOn" TEXT NULL,
    "ElectionMethod" TEXT NULL,
    "VotersEntitled" INTEGER NULL,
    "VotersPresent" INTEGER NULL,
    "Notes" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "ReminderStage" TEXT NULL
);


CREATE TABLE "JobLeases" (
    "Name" TEXT NOT NULL CONSTRAINT "PK_JobLeases" PRIMARY KEY,
    "NextRunAt" INTEGER NOT NULL,
    "LeasedBy" TEXT NULL,
    "LeaseUntil" INTEGER NULL,
    "LastRunAt" INTEGER NULL,
    "LastResult" TEXT NULL
);


CREATE TABLE "LedgerEntries" (
    "TenantId" TEXT NOT NULL,
    "Sequence" INTEGER NOT NULL,
    "At" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "SubjectId" TEXT NOT NULL,
    "Payload" TEXT NOT NULL,
    "PreviousHash" TEXT NOT NULL,
    "Hash" TEXT NOT NULL,
    CONSTRAINT "PK_LedgerEntries" PRIMARY KEY ("TenantId", "Sequence")
);


CREATE TABLE "Members" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Members" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "OrgUnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Gender" TEXT NOT NULL,
    "Category" TEXT NOT NULL,
    "BirthDate" TEXT NULL,
    "JoinedOn" TEXT NULL,
    "FullMemberOn" TEXT NULL,
    "JobPost" TEXT NULL,
    "Education" TEXT NULL,
    "Ethnicity" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL
);


CREATE TABLE "Notifications" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Notifications" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "Link" TEXT NULL,
    "DedupKey" TEXT NOT NULL,
    "ReadAt" INTEGER NULL
);


CREATE TABLE "OrgUnits" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_OrgUnits" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "ParentId" TEXT NULL,
    "Key" TEXT NOT NULL,
    "Path" TEXT NOT NULL,
    "Depth" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Setup" TEXT NOT NULL,
    "HostUnitType" TEXT NULL,
    "SortOrder" INTEGER NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "DissolvedAt" INTEGER NULL
);


CREATE TABLE "Tenants" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Tenants" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL
);


CREATE TABLE "Users" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Users" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "DisplayName" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" INTEGER NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL
);


CREATE TABLE "CommitteeMembers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CommitteeMembers" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "TermId" TEXT NOT NULL,
    "OrgUnitId" TEXT NOT NULL,
    "MemberId" TEXT NULL,
    "Name" TEXT NOT NULL,
    "Post" TEXT NOT NULL,
    "VotesReceived" INTEGER NULL,
    "ApprovedOn" TEXT NULL,
    "LeftOn" TEXT NULL,
    CONSTRAINT "FK_CommitteeMembers_CommitteeTerms_TermId" FOREIGN KEY ("TermId") REFERENCES "CommitteeTerms" ("Id") ON DELETE CASCADE
);


CREATE TABLE "RoleAssignments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_RoleAssignments" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "OrgUnitId" TEXT NOT NULL,
    "Role" TEXT NOT NULL,
    "Scope" TEXT NOT NULL,
    "GrantedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_RoleAssignments_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE CASCADE
);


CREATE TABLE "UserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_UserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_UserClaims_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE CASCADE
);


CREATE TABLE "UserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_UserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_UserLogins_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE CASCADE
);


CREATE TABLE "UserTokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_UserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_UserTokens_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE CASCADE
);


CREATE INDEX "IX_AuditEntries_TenantId_At" ON "AuditEntries" ("TenantId", "At");


CREATE INDEX "IX_AuditEntries_TenantId_OrgPath_At" ON "AuditEntries" ("TenantId", "OrgPath", "At");


CREATE INDEX "IX_CommitteeMembers_TenantId_TermId" ON "CommitteeMembers" ("TenantId", "TermId");


CREATE INDEX "IX_CommitteeMembers_TermId" ON "CommitteeMembers" ("TermId");


CREATE INDEX "IX_CommitteeTerms_TenantId_EndOn" ON "CommitteeTerms" ("TenantId", "EndOn");


CREATE INDEX "IX_CommitteeTerms_TenantId_OrgUnitId_StartOn" ON "CommitteeTerms" ("TenantId", "OrgUnitId", "StartOn");


CREATE INDEX "IX_Members_TenantId_OrgPath_Category" ON "Members" ("TenantId", "OrgPath", "Category");


CREATE INDEX "IX_Members_TenantId_OrgUnitId" ON "Members" ("TenantId", "OrgUnitId");


CREATE INDEX "IX_Notifications_TenantId_UserId_CreatedAt" ON "Notifications" ("TenantId", "UserId", "CreatedAt");


CREATE UNIQUE INDEX "IX_Notifications_TenantId_UserId_DedupKey" ON "Notifications" ("TenantId", "UserId", "DedupKey");


CREATE INDEX "IX_OrgUnits_TenantId_ParentId_SortOrder" ON "OrgUnits" ("TenantId", "ParentId", "SortOrder");


CREATE UNIQUE INDEX "IX_OrgUnits_TenantId_Path" ON "OrgUnits" ("TenantId", "Path");


CREATE INDEX "IX_RoleAssignments_TenantId_OrgUnitId" ON "RoleAssignments" ("TenantId", "OrgUnitId");


CREATE INDEX "IX_RoleAssignments_TenantId_UserId" ON "RoleAssignments" ("TenantId", "UserId");


CREATE INDEX "IX_RoleAssignments_UserId" ON "RoleAssignments" ("UserId");


CREATE INDEX "IX_UserClaims_UserId" ON "UserClaims" ("UserId");


CREATE INDEX "IX_UserLogins_UserId" ON "UserLogins" ("UserId");


CREATE INDEX "EmailIndex" ON "Users" ("NormalizedEmail");


CREATE INDEX "IX_Users_TenantId" ON "Users" ("TenantId");


CREATE UNIQUE INDEX "UserNameIndex" ON "Users" ("NormalizedUserName");



