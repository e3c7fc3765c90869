-- V0028: the dashboard's study roll-ups (Education): each unit's subtree's study of a China year, as the learning archive counts it.
CREATE TABLE "UnitStudyRollups" (
    "OrgUnitId" TEXT NOT NULL,
    "Year" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Members" INTEGER NOT NULL,
    "StudySeconds" INTEGER NOT NULL,
    "AtTarget" INTEGER NOT NULL,
    "BelowTarget" INTEGER NOT NULL,
    "FarBelow" INTEGER NOT NULL,
    "RequiredAssigned" INTEGER NOT NULL,
    "RequiredCompleted" INTEGER NOT NULL,
    "ExamTakers" INTEGER NOT NULL,
    "ExamPassers" INTEGER NOT NULL,
    "BuiltAt" INTEGER NOT NULL,
    CONSTRAINT "PK_UnitStudyRollups" PRIMARY KEY ("TenantId", "OrgUnitId", "Year")
);
