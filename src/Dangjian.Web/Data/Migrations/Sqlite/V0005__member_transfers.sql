-- V0005: organisational-relation transfers (组织关系转接) with numbered letters.
CREATE TABLE "MemberTransfers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_MemberTransfers" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "MemberId" TEXT NOT NULL,
    "MemberName" TEXT NOT NULL,
    "FromUnitId" TEXT NOT NULL,
    "FromPath" TEXT NOT NULL,
    "ToUnitId" TEXT NULL,
    "ToPath" TEXT NULL,
    "Destination" TEXT NULL,
    "Kind" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "LetterNumber" TEXT NOT NULL,
    "IssuedOn" TEXT NOT NULL,
    "ValidUntil" TEXT NOT NULL,
    "DuesPaidUntil" TEXT NULL,
    "Reason" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CreatedByUserId" TEXT NOT NULL,
    "DecidedOn" TEXT NULL,
    "DecidedByUserId" TEXT NULL,
    "DecisionNote" TEXT NULL
);

CREATE INDEX "IX_MemberTransfers_TenantId_FromPath" ON "MemberTransfers" ("TenantId", "FromPath");
CREATE UNIQUE INDEX "IX_MemberTransfers_TenantId_LetterNumber" ON "MemberTransfers" ("TenantId", "LetterNumber");
CREATE INDEX "IX_MemberTransfers_TenantId_MemberId_Status" ON "MemberTransfers" ("TenantId", "MemberId", "Status");
CREATE INDEX "IX_MemberTransfers_TenantId_ToPath" ON "MemberTransfers" ("TenantId", "ToPath");
