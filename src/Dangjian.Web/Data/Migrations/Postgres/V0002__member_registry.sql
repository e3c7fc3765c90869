-- V0002: the member registry: national-system fields, encrypted personal data, access log of personal-data views.
ALTER TABLE "Members" ADD COLUMN "Status" character varying(40) NOT NULL DEFAULT 'Normal';
ALTER TABLE "Members" ADD COLUMN "IdNumberEncrypted" character varying(200);
ALTER TABLE "Members" ADD COLUMN "IdNumberHash" character varying(64);
ALTER TABLE "Members" ADD COLUMN "IdNumberMasked" character varying(20);
ALTER TABLE "Members" ADD COLUMN "MobileEncrypted" character varying(200);
ALTER TABLE "Members" ADD COLUMN "HomeAddressEncrypted" character varying(600);
ALTER TABLE "Members" ADD COLUMN "Telephone" character varying(30);
ALTER TABLE "Members" ADD COLUMN "IsMobile" boolean NOT NULL DEFAULT FALSE;
ALTER TABLE "Members" ADD COLUMN "MobileDestination" character varying(200);
ALTER TABLE "Members" ADD COLUMN "OutOfContactSince" date;
ALTER TABLE "Members" ADD COLUMN "OutOfContactReason" character varying(40);
ALTER TABLE "Members" ADD COLUMN "Degree" character varying(40);
ALTER TABLE "Members" ADD COLUMN "PartyAgeAdjustmentMonths" integer NOT NULL DEFAULT 0;
ALTER TABLE "Members" ADD COLUMN "NewSocialStratum" character varying(40);
ALTER TABLE "Members" ADD COLUMN "ProfessionalTitle" character varying(40);
ALTER TABLE "Members" ADD COLUMN "IsMigrantWorker" boolean NOT NULL DEFAULT FALSE;
ALTER TABLE "Members" ADD COLUMN "Residence" character varying(200);
ALTER TABLE "Members" ADD COLUMN "HouseholdRegistration" character varying(200);
ALTER TABLE "Members" ADD COLUMN "NativePlace" character varying(200);
ALTER TABLE "Members" ADD COLUMN "MaritalStatus" character varying(40);
ALTER TABLE "Members" ADD COLUMN "JoinType" character varying(40);
ALTER TABLE "Members" ADD COLUMN "ProbationExtendedMonths" integer NOT NULL DEFAULT 0;
ALTER TABLE "Members" ADD COLUMN "BranchAtJoining" character varying(200);
ALTER TABLE "Members" ADD COLUMN "AppliedOn" date;
ALTER TABLE "Members" ADD COLUMN "ActivistOn" date;
ALTER TABLE "Members" ADD COLUMN "CandidateOn" date;
ALTER TABLE "Members" ADD COLUMN "WorkStartedOn" date;
ALTER TABLE "Members" ADD COLUMN "WorkUnitAndPost" character varying(200);
ALTER TABLE "Members" ADD COLUMN "FrontLine" character varying(40);
ALTER TABLE "Members" ADD COLUMN "DossierLocation" character varying(200);
ALTER TABLE "Members" ADD COLUMN "UserId" uuid;
ALTER TABLE "Members" ADD COLUMN "UpdatedAt" timestamp with time zone;

CREATE TABLE "MemberAccessLogs" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "MemberId" uuid NOT NULL,
    "At" timestamp with time zone NOT NULL,
    "UserId" uuid,
    "UserName" character varying(100) NOT NULL,
    "Action" character varying(40) NOT NULL,
    "Detail" character varying(400),
    CONSTRAINT "PK_MemberAccessLogs" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_MemberAccessLogs_TenantId_MemberId_At" ON "MemberAccessLogs" ("TenantId", "MemberId", "At");
CREATE UNIQUE INDEX "IX_Members_TenantId_IdNumberHash" ON "Members" ("TenantId", "IdNumberHash");
CREATE INDEX "IX_Members_TenantId_UserId" ON "Members" ("TenantId", "UserId");
