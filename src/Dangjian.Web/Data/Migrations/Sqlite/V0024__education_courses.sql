-- V0024: the course library's files (video, audio, PDF; encrypted, with their hash and length) and live sign-ins.
CREATE TABLE "CourseFiles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CourseFiles" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "CourseId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Size" INTEGER NOT NULL,
    "Sha256" TEXT NOT NULL,
    "Seconds" INTEGER NULL,
    "Content" BLOB NOT NULL,
    "UploadedBy" TEXT NOT NULL,
    "UploadedAt" INTEGER NOT NULL
);

CREATE INDEX "IX_CourseFiles_TenantId_CourseId" ON "CourseFiles" ("TenantId", "CourseId");

CREATE TABLE "LiveSignIns" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_LiveSignIns" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "CourseId" TEXT NOT NULL,
    "MemberId" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "MemberName" TEXT NOT NULL,
    "SignedAt" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "IX_LiveSignIns_TenantId_CourseId_MemberId" ON "LiveSignIns" ("TenantId", "CourseId", "MemberId");
