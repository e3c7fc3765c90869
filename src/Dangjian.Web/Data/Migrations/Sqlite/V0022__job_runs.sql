-- V0022: every run of a background job on record (job, instance, started/finished, result): with several app instances
-- it shows each due run happened once. Platform-wide (no tenant), append-only.
CREATE TABLE "JobRuns" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_JobRuns" PRIMARY KEY,
    "JobName" TEXT NOT NULL,
    "InstanceId" TEXT NOT NULL,
    "StartedAt" INTEGER NOT NULL,
    "FinishedAt" INTEGER NOT NULL,
    "Succeeded" INTEGER NOT NULL,
    "Result" TEXT NOT NULL
);

CREATE INDEX "IX_JobRuns_JobName_StartedAt" ON "JobRuns" ("JobName", "StartedAt");
