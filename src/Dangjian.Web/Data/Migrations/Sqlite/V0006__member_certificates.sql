-- V0006: 党员证明信 (membership certificates for an absence of six months or less).
CREATE TABLE "MemberCertificates" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_MemberCertificates" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "MemberId" TEXT NOT NULL,
    "MemberName" TEXT NOT NULL,
    "OrgUnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Number" TEXT NOT NULL,
    "Destination" TEXT NOT NULL,
    "Reason" TEXT NULL,
    "FromDate" TEXT NOT NULL,
    "ToDate" TEXT NOT NULL,
    "IssuedOn" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CreatedByUserId" TEXT NOT NULL,
    "CancelledOn" TEXT NULL,
    "CancelledByUserId" TEXT NULL
);

CREATE INDEX "IX_MemberCertificates_TenantId_MemberId" ON "MemberCertificates" ("TenantId", "MemberId");
CREATE INDEX "IX_MemberCertificates_TenantId_OrgPath" ON "MemberCertificates" ("TenantId", "OrgPath");
CREATE UNIQUE INDEX "IX_MemberCertificates_TenantId_Number" ON "MemberCertificates" ("TenantId", "Number");
