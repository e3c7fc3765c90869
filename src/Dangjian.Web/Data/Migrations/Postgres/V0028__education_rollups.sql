-- V0028: the dashboard's study roll-ups (Education): each unit's subtree's study of a China year, as the learning archive counts it.
CREATE TABLE "UnitStudyRollups" (
    "OrgUnitId" uuid NOT NULL,
    "Year" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    "OrgPath" character varying(400) COLLATE "C" NOT NULL,
    "Members" integer NOT NULL,
    "StudySeconds" bigint NOT NULL,
    "AtTarget" integer NOT NULL,
    "BelowTarget" integer NOT NULL,
    "FarBelow" integer NOT NULL,
    "RequiredAssigned" integer NOT NULL,
    "RequiredCompleted" integer NOT NULL,
    "ExamTakers" integer NOT NULL,
    "ExamPassers" integer NOT NULL,
    "BuiltAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_UnitStudyRollups" PRIMARY KEY ("TenantId", "OrgUnitId", "Year")
);
