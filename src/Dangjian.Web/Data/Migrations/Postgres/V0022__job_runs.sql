-- V0022: every run of a background job on record (job, instance, started/finished, result): with several app instances
-- it shows each due run happened once. Platform-wide (no tenant), append-only.
CREATE TABLE "JobRuns" (
    "Id" uuid NOT NULL,
    "JobName" character varying(100) NOT NULL,
    "InstanceId" character varying(100) NOT NULL,
    "StartedAt" timestamp with time zone NOT NULL,
    "FinishedAt" timestamp with time zone NOT NULL,
    "Succeeded" boolean NOT NULL,
    "Result" character varying(1000) NOT NULL,
    CONSTRAINT "PK_JobRuns" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_JobRuns_JobName_StartedAt" ON "JobRuns" ("JobName", "StartedAt");
