-- V0009: incoming transfers (转入) from outside the tenant; 党费交至 of the letter kept on the member record.
ALTER TABLE "Members" ADD COLUMN "DuesSettledUntil" TEXT NULL;

CREATE TABLE "IncomingTransfers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_IncomingTransfers" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "ToUnitId" TEXT NOT NULL,
    "ToPath" TEXT NOT NULL,
    "LetterNumber" TEXT NOT NULL,
    "IssuedBy" TEXT NOT NULL,
    "IssuedOn" TEXT NOT NULL,
    "ValidUntil" TEXT NOT NULL,
    "DuesPaidUntil" TEXT NULL,
    "Name" TEXT NOT NULL,
    "IdNumberEncrypted" TEXT NOT NULL,
    "IdNumberHash" TEXT NOT NULL,
    "IdNumberMasked" TEXT NOT NULL,
    "Category" TEXT NOT NULL,
    "JoinedOn" TEXT NOT NULL,
    "FullMemberOn" TEXT NULL,
    "MobileEncrypted" TEXT NULL,
    "Status" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CreatedByUserId" TEXT NOT NULL,
    "DecidedOn" TEXT NULL,
    "DecidedByUserId" TEXT NULL,
    "DecisionNote" TEXT NULL,
    "MemberId" TEXT NULL,
    "Returning" INTEGER NOT NULL
);

CREATE INDEX "IX_IncomingTransfers_TenantId_IdNumberHash_Status" ON "IncomingTransfers" ("TenantId", "IdNumberHash", "Status");
CREATE INDEX "IX_IncomingTransfers_TenantId_ToPath_Status" ON "IncomingTransfers" ("TenantId", "ToPath", "Status");
