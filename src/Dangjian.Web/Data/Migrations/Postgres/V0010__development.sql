-- V0010: member development (发展党员): cases and the steps recorded on them.
CREATE TABLE "DevelopmentCases" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "MemberId" uuid NOT NULL,
    "OpenedInUnitId" uuid NOT NULL,
    "Status" character varying(40) NOT NULL,
    "ApplicationDate" date NOT NULL,
    "LastStep" integer NOT NULL,
    "LastStepOn" date,
    "ResolutionOn" date,
    "ProbationEndsOn" date,
    "ExtendedMonths" integer NOT NULL DEFAULT 0,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone,
    CONSTRAINT "PK_DevelopmentCases" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_DevelopmentCases_TenantId_MemberId" ON "DevelopmentCases" ("TenantId", "MemberId");
CREATE INDEX "IX_DevelopmentCases_TenantId_Status" ON "DevelopmentCases" ("TenantId", "Status");
CREATE TABLE "DevelopmentSteps" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "CaseId" uuid NOT NULL,
    "Step" integer NOT NULL,
    "Date" date NOT NULL,
    "Data" character varying(4000) NOT NULL,
    "Warnings" character varying(1000),
    "RecordedBy" character varying(100) NOT NULL,
    "RecordedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_DevelopmentSteps" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_DevelopmentSteps_TenantId_CaseId_Step" ON "DevelopmentSteps" ("TenantId", "CaseId", "Step");

-- Sign-offs of the four-level joint review (四级联审).
CREATE TABLE "DevelopmentReviews" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "CaseId" uuid NOT NULL,
    "StepRecordId" uuid NOT NULL,
    "Step" integer NOT NULL,
    "Level" character varying(40) NOT NULL,
    "UnitId" uuid NOT NULL,
    "Decision" character varying(40) NOT NULL,
    "Reason" character varying(400),
    "SignedByUserId" uuid NOT NULL,
    "SignedBy" character varying(100) NOT NULL,
    "SignedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_DevelopmentReviews" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_DevelopmentReviews_TenantId_CaseId" ON "DevelopmentReviews" ("TenantId", "CaseId");

-- Files of a case, per step of the materials checklist.
CREATE TABLE "DevelopmentMaterials" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "CaseId" uuid NOT NULL,
    "Step" integer NOT NULL,
    "Code" character varying(40) NOT NULL,
    "FileName" character varying(200) NOT NULL,
    "ContentType" character varying(100) NOT NULL,
    "Size" bigint NOT NULL,
    "Sha256" character varying(64) NOT NULL,
    "Content" bytea NOT NULL,
    "UploadedBy" character varying(100) NOT NULL,
    "UploadedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_DevelopmentMaterials" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_DevelopmentMaterials_TenantId_CaseId_Step" ON "DevelopmentMaterials" ("TenantId", "CaseId", "Step");

-- The annual development plan: a quota per unit and year.
CREATE TABLE "DevelopmentQuotas" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "OrgUnitId" uuid NOT NULL,
    "OrgPath" character varying(400) COLLATE "C" NOT NULL,
    "Year" integer NOT NULL,
    "Quota" integer NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone,
    CONSTRAINT "PK_DevelopmentQuotas" PRIMARY KEY ("Id")
);

CREATE UNIQUE INDEX "IX_DevelopmentQuotas_TenantId_OrgUnitId_Year" ON "DevelopmentQuotas" ("TenantId", "OrgUnitId", "Year");
