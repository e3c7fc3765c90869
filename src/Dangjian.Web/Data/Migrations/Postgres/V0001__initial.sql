-- V0001: initial schema (org tree, members roll, committees and terms, accounts, audit, ledger, jobs, inbox).
CREATE TABLE "AuditEntries" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "At" timestamp with time zone NOT NULL,
    "UserId" uuid,
    "UserName" character varying(100) NOT NULL,
    "Action" character varying(20) NOT NULL,
    "EntityType" character varying(60) NOT NULL,
    "EntityId" character varying(100) NOT NULL,
    "OrgPath" character varying(400) COLLATE "C" NOT NULL,
    "Before" text,
    "After" text,
    CONSTRAINT "PK_AuditEntries" PRIMARY KEY ("Id")
);


CREATE TABLE "CommitteeTerms" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "OrgUnitId" uuid NOT NULL,
    "Number" integer NOT NULL,
    "StartOn" date NOT NULL,
    "EndOn" date NOT NULL,
    "ElectedOn" date,
    "ElectionMethod" character varying(100),
    "VotersEntitled" integer,
    "VotersPresent" integer,
    "Notes" character varying(2000),
    "CreatedAt" timestamp with time zone NOT NULL,
    "ReminderStage" character varying(20),
    CONSTRAINT "PK_CommitteeTerms" PRIMARY KEY ("Id")
);


CREATE TABLE "JobLeases" (
    "Name" character varying(100) NOT NULL,
    "NextRunAt" timestamp with time zone NOT NULL,
    "LeasedBy" character varying(100),
    "LeaseUntil" timestamp with time zone,
    "LastRunAt" timestamp with time zone,
    "LastResult" character varying(1000),
    CONSTRAINT "PK_JobLeases" PRIMARY KEY ("Name")
);


CREATE TABLE "LedgerEntries" (
    "TenantId" uuid NOT NULL,
    "Sequence" bigint NOT NULL,
    "At" timestamp with time zone NOT NULL,
    "Kind" character varying(60) NOT NULL,
    "SubjectId" character varying(100) NOT NULL,
    "Payload" text NOT NULL,
    "PreviousHash" character varying(64) NOT NULL,
    "Hash" character varying(64) NOT NULL,
    CONSTRAINT "PK_LedgerEntries" PRIMARY KEY ("TenantId", "Sequence")
);


CREATE TABLE "Members" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "OrgUnitId" uuid NOT NULL,
    "OrgPath" character varying(400) COLLATE "C" NOT NULL,
    "Name" character varying(50) NOT NULL,
    "Gender" character varying(40) NOT NULL,
    "Category" character varying(40) NOT NULL,
    "BirthDate" date,
    "JoinedOn" date,
    "FullMemberOn" date,
    "JobPost" character varying(60),
    "Education" character varying(30),
    "Ethnicity" character varying(30),
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_Members" PRIMARY KEY ("Id")
);


CREATE TABLE "Notifications" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "Title" character varying(200) NOT NULL,
    "Body" character varying(2000) NOT NULL,
    "Link" character varying(400),
    "DedupKey" character varying(200) NOT NULL,
    "ReadAt" timestamp with time zone,
    CONSTRAINT "PK_Notifications" PRIMARY KEY ("Id")
);


CREATE TABLE "OrgUnits" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "ParentId" uuid,
    "Key" character varying(10) NOT NULL,
    "Path" character varying(400) COLLATE "C" NOT NULL,
    "Depth" integer NOT NULL,
    "Name" character varying(100) NOT NULL,
    "Kind" character varying(40) NOT NULL,
    "Setup" character varying(40) NOT NULL,
    "HostUnitType" character varying(40),
    "SortOrder" integer NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "DissolvedAt" timestamp with time zone,
    CONSTRAINT "PK_OrgUnits" PRIMARY KEY ("Id")
);


CREATE TABLE "Tenants" (
    "Id" uuid NOT NULL,
    "Name" character varying(100) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_Tenants" PRIMARY KEY ("Id")
);


CREATE TABLE "Users" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "DisplayName" character varying(100) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UserName" character varying(256),
    "NormalizedUserName" character varying(256),
    "Email" character varying(256),
    "NormalizedEmail" character varying(256),
    "EmailConfirmed" boolean NOT NULL,
    "PasswordHash" text,
    "SecurityStamp" text,
    "ConcurrencyStamp" text,
    "PhoneNumber" text,
    "PhoneNumberConfirmed" boolean NOT NULL,
    "TwoFactorEnabled" boolean NOT NULL,
    "LockoutEnd" timestamp with time zone,
    "LockoutEnabled" boolean NOT NULL,
    "AccessFailedCount" integer NOT NULL,
    CONSTRAINT "PK_Users" PRIMARY KEY ("Id")
);


CREATE TABLE "CommitteeMembers" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "TermId" uuid NOT NULL,
    "OrgUnitId" uuid NOT NULL,
    "MemberId" uuid,
    "Name" character varying(50) NOT NULL,
    "Post" character varying(40) NOT NULL,
    "VotesReceived" integer,
    "ApprovedOn" date,
    "LeftOn" date,
    CONSTRAINT "PK_CommitteeMembers" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_CommitteeMembers_CommitteeTerms_TermId" FOREIGN KEY ("TermId") REFERENCES "CommitteeTerms" ("Id") ON DELETE CASCADE
);


CREATE TABLE "RoleAssignments" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    "OrgUnitId" uuid NOT NULL,
    "Role" character varying(40) NOT NULL,
    "Scope" character varying(40) NOT NULL,
    "GrantedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_RoleAssignments" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_RoleAssignments_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE CASCADE
);


CREATE TABLE "UserClaims" (
    "Id" integer GENERATED BY DEFAULT AS IDENTITY,
    "UserId" uuid NOT NULL,
    "ClaimType" text,
    "ClaimValue" text,
    CONSTRAINT "PK_UserClaims" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_UserClaims_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE CASCADE
);


CREATE TABLE "UserLogins" (
    "LoginProvider" text NOT NULL,
    "ProviderKey" text NOT NULL,
    "ProviderDisplayName" text,
    "UserId" uuid NOT NULL,
    CONSTRAINT "PK_UserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_UserLogins_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE CASCADE
);


CREATE TABLE "UserTokens" (
    "UserId" uuid NOT NULL,
    "LoginProvider" text NOT NULL,
    "Name" text NOT NULL,
    "Value" text,
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



