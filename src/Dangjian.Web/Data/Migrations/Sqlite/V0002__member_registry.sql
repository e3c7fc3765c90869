-- V0002: the member registry: national-system fields, encrypted personal data, access log of personal-data views.
ALTER TABLE "Members" ADD COLUMN "Status" TEXT NOT NULL DEFAULT 'Normal';
ALTER TABLE "Members" ADD COLUMN "IdNumberEncrypted" TEXT NULL;
ALTER TABLE "Members" ADD COLUMN "IdNumberHash" TEXT NULL;
ALTER TABLE "Members" ADD COLUMN "IdNumberMasked" TEXT NULL;
ALTER TABLE "Members" ADD COLUMN "MobileEncrypted" TEXT NULL;
ALTER TABLE "Members" ADD COLUMN "HomeAddressEncrypted" TEXT NULL;
ALTER TABLE "Members" ADD COLUMN "Telephone" TEXT NULL;
ALTER TABLE "Members" ADD COLUMN "IsMobile" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Members" ADD COLUMN "MobileDestination" TEXT NULL;
ALTER TABLE "Members" ADD COLUMN "OutOfContactSince" TEXT NULL;
ALTER TABLE "Members" ADD COLUMN "OutOfContactReason" TEXT NULL;
ALTER TABLE "Members" ADD COLUMN "Degree" TEXT NULL;
ALTER TABLE "Members" ADD COLUMN "PartyAgeAdjustmentMonths" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Members" ADD COLUMN "NewSocialStratum" TEXT NULL;
ALTER TABLE "Members" ADD COLUMN "ProfessionalTitle" TEXT NULL;
ALTER TABLE "Members" ADD COLUMN "IsMigrantWorker" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Members" ADD COLUMN "Residence" TEXT NULL;
ALTER TABLE "Members" ADD COLUMN "HouseholdRegistration" TEXT NULL;
ALTER TABLE "Members" ADD COLUMN "NativePlace" TEXT NULL;
ALTER TABLE "Members" ADD COLUMN "MaritalStatus" TEXT NULL;
ALTER TABLE "Members" ADD COLUMN "JoinType" TEXT NULL;
ALTER TABLE "Members" ADD COLUMN "ProbationExtendedMonths" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Members" ADD COLUMN "BranchAtJoining" TEXT NULL;
ALTER TABLE "Members" ADD COLUMN "AppliedOn" TEXT NULL;
ALTER TABLE "Members" ADD COLUMN "ActivistOn" TEXT NULL;
ALTER TABLE "Members" ADD COLUMN "CandidateOn" TEXT NULL;
ALTER TABLE "Members" ADD COLUMN "WorkStartedOn" TEXT NULL;
ALTER TABLE "Members" ADD COLUMN "WorkUnitAndPost" TEXT NULL;
ALTER TABLE "Members" ADD COLUMN "FrontLine" TEXT NULL;
ALTER TABLE "Members" ADD COLUMN "DossierLocation" TEXT NULL;
ALTER TABLE "Members" ADD COLUMN "UserId" TEXT NULL;
ALTER TABLE "Members" ADD COLUMN "UpdatedAt" INTEGER NULL;

CREATE TABLE "MemberAccessLogs" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_MemberAccessLogs" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "MemberId" TEXT NOT NULL,
    "At" INTEGER NOT NULL,
    "UserId" TEXT NULL,
    "UserName" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "Detail" TEXT NULL
);

CREATE INDEX "IX_MemberAccessLogs_TenantId_MemberId_At" ON "MemberAccessLogs" ("TenantId", "MemberId", "At");
CREATE UNIQUE INDEX "IX_Members_TenantId_IdNumberHash" ON "Members" ("TenantId", "IdNumberHash");
CREATE INDEX "IX_Members_TenantId_UserId" ON "Members" ("TenantId", "UserId");
