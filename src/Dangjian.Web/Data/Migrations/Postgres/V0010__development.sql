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
