-- V0024: the course library's files (video, audio, PDF; encrypted, with their hash and length) and live sign-ins.
CREATE TABLE "CourseFiles" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "CourseId" uuid NOT NULL,
    "Kind" character varying(40) NOT NULL,
    "FileName" character varying(200) NOT NULL,
    "ContentType" character varying(100) NOT NULL,
    "Size" bigint NOT NULL,
    "Sha256" character varying(64) NOT NULL,
    "Seconds" integer,
    "Content" bytea NOT NULL,
    "UploadedBy" character varying(100) NOT NULL,
    "UploadedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_CourseFiles" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_CourseFiles_TenantId_CourseId" ON "CourseFiles" ("TenantId", "CourseId");

CREATE TABLE "LiveSignIns" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "CourseId" uuid NOT NULL,
    "MemberId" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    "MemberName" character varying(100) NOT NULL,
    "SignedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_LiveSignIns" PRIMARY KEY ("Id")
);

CREATE UNIQUE INDEX "IX_LiveSignIns_TenantId_CourseId_MemberId" ON "LiveSignIns" ("TenantId", "CourseId", "MemberId");
