-- V0014: 薄弱环节 found by the dashboard's rules, with their follow-up.
CREATE TABLE "WeakLinks" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_WeakLinks" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "Key" TEXT NOT NULL,
    "OrgUnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "OrgUnitName" TEXT NOT NULL,
    "MemberId" TEXT NULL,
    "MemberName" TEXT NULL,
    "Rule" TEXT NOT NULL,
    "Reason" TEXT NOT NULL,
    "Article" TEXT NOT NULL,
    "Score" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "AssignedTo" TEXT NULL,
    "Note" TEXT NULL,
    "DetectedAt" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    "ClosedAt" INTEGER NULL
);

CREATE UNIQUE INDEX "IX_WeakLinks_TenantId_Key" ON "WeakLinks" ("TenantId", "Key");
CREATE INDEX "IX_WeakLinks_TenantId_OrgPath_Status" ON "WeakLinks" ("TenantId", "OrgPath", "Status");
