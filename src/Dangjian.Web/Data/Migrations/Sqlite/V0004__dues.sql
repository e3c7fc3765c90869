-- V0004: party dues: bases per member and month (第十条) and monthly payments, one per member and month.
CREATE TABLE "DuesBases" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DuesBases" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "MemberId" TEXT NOT NULL,
    "OrgUnitId" TEXT NOT NULL,
    "EffectiveMonth" TEXT NOT NULL,
    "Category" TEXT NOT NULL,
    "BaseFen" INTEGER NOT NULL,
    "Note" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NULL
);

CREATE TABLE "DuesPayments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DuesPayments" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "MemberId" TEXT NOT NULL,
    "OrgUnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Month" TEXT NOT NULL,
    "AmountFen" INTEGER NOT NULL,
    "VoluntaryFen" INTEGER NOT NULL,
    "PaidOn" TEXT NOT NULL,
    "Method" TEXT NOT NULL,
    "ProxyConsent" INTEGER NOT NULL,
    "ToCentre" INTEGER NOT NULL,
    "RecordedByUserId" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "IX_DuesBases_TenantId_MemberId_EffectiveMonth" ON "DuesBases" ("TenantId", "MemberId", "EffectiveMonth");
CREATE UNIQUE INDEX "IX_DuesPayments_TenantId_MemberId_Month" ON "DuesPayments" ("TenantId", "MemberId", "Month");
CREATE INDEX "IX_DuesPayments_TenantId_OrgPath_Month" ON "DuesPayments" ("TenantId", "OrgPath", "Month");
