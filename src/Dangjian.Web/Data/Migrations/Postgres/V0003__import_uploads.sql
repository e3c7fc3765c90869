-- V0003: uploaded rosters kept for preview, application and the error report.
CREATE TABLE "ImportUploads" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    "OrgUnitId" uuid NOT NULL,
    "FileName" character varying(200) NOT NULL,
    "Content" bytea NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "AppliedAt" timestamp with time zone,
    "ResultJson" text,
    CONSTRAINT "PK_ImportUploads" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_ImportUploads_TenantId_UserId_CreatedAt" ON "ImportUploads" ("TenantId", "UserId", "CreatedAt");
