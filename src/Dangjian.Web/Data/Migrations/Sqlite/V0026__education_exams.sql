-- V0026: education exams: the question bank, papers, exams and contests, attempts and the wrong-answer book.

CREATE TABLE "ExamQuestions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ExamQuestions" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "OrgUnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Type" TEXT NOT NULL,
    "Category" TEXT NOT NULL,
    "Difficulty" INTEGER NOT NULL,
    "Stem" TEXT NOT NULL,
    "Options" TEXT NULL,
    "Answer" TEXT NOT NULL,
    "Explanation" TEXT NULL,
    "RetiredAt" INTEGER NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "UpdatedAt" INTEGER NULL
);

CREATE INDEX "IX_ExamQuestions_TenantId_OrgPath_Category_Difficulty" ON "ExamQuestions" ("TenantId", "OrgPath", "Category", "Difficulty");

CREATE TABLE "ExamPapers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ExamPapers" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "OrgUnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Mode" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CreatedBy" TEXT NOT NULL
);

CREATE INDEX "IX_ExamPapers_TenantId_OrgPath" ON "ExamPapers" ("TenantId", "OrgPath");

CREATE TABLE "ExamPaperParts" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ExamPaperParts" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "PaperId" TEXT NOT NULL,
    "Position" INTEGER NOT NULL,
    "QuestionId" TEXT NULL,
    "Category" TEXT NULL,
    "Difficulty" INTEGER NULL,
    "Count" INTEGER NOT NULL,
    "Points" INTEGER NOT NULL,
    CONSTRAINT "FK_ExamPaperParts_ExamPapers_PaperId" FOREIGN KEY ("PaperId") REFERENCES "ExamPapers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_ExamPaperParts_PaperId" ON "ExamPaperParts" ("PaperId");

CREATE INDEX "IX_ExamPaperParts_TenantId_PaperId_Position" ON "ExamPaperParts" ("TenantId", "PaperId", "Position");

CREATE TABLE "Exams" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Exams" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "OrgUnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "PaperId" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "IsContest" INTEGER NOT NULL,
    "OpensAt" INTEGER NOT NULL,
    "ClosesAt" INTEGER NOT NULL,
    "TimeLimitMinutes" INTEGER NOT NULL,
    "AttemptsAllowed" INTEGER NOT NULL,
    "PassMark" INTEGER NOT NULL,
    "PartialCredit" INTEGER NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CreatedBy" TEXT NOT NULL
);

CREATE INDEX "IX_Exams_TenantId_OrgPath_ClosesAt" ON "Exams" ("TenantId", "OrgPath", "ClosesAt");

CREATE TABLE "ExamAttempts" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ExamAttempts" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "ExamId" TEXT NOT NULL,
    "MemberId" TEXT NOT NULL,
    "MemberName" TEXT NOT NULL,
    "OrgUnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Number" INTEGER NOT NULL,
    "StartedAt" INTEGER NOT NULL,
    "DeadlineAt" INTEGER NOT NULL,
    "SubmittedAt" INTEGER NULL,
    "Status" TEXT NOT NULL,
    "Score" REAL NOT NULL,
    "MaxScore" INTEGER NOT NULL,
    "Passed" INTEGER NOT NULL,
    "Seconds" INTEGER NULL
);

CREATE UNIQUE INDEX "IX_ExamAttempts_TenantId_ExamId_MemberId_Number" ON "ExamAttempts" ("TenantId", "ExamId", "MemberId", "Number");

CREATE INDEX "IX_ExamAttempts_TenantId_ExamId_OrgPath" ON "ExamAttempts" ("TenantId", "ExamId", "OrgPath");

CREATE TABLE "ExamAttemptAnswers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ExamAttemptAnswers" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "AttemptId" TEXT NOT NULL,
    "QuestionId" TEXT NOT NULL,
    "Position" INTEGER NOT NULL,
    "Points" INTEGER NOT NULL,
    "Given" TEXT NULL,
    "AnsweredAt" INTEGER NULL,
    "Correct" INTEGER NULL,
    "Earned" REAL NOT NULL,
    CONSTRAINT "FK_ExamAttemptAnswers_ExamAttempts_AttemptId" FOREIGN KEY ("AttemptId") REFERENCES "ExamAttempts" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_ExamAttemptAnswers_AttemptId" ON "ExamAttemptAnswers" ("AttemptId");

CREATE INDEX "IX_ExamAttemptAnswers_TenantId_AttemptId_Position" ON "ExamAttemptAnswers" ("TenantId", "AttemptId", "Position");

CREATE TABLE "WrongAnswers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_WrongAnswers" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "MemberId" TEXT NOT NULL,
    "QuestionId" TEXT NOT NULL,
    "LastAttemptId" TEXT NOT NULL,
    "LastGiven" TEXT NULL,
    "Times" INTEGER NOT NULL,
    "LastWrongAt" INTEGER NOT NULL,
    "MasteredAt" INTEGER NULL
);

CREATE UNIQUE INDEX "IX_WrongAnswers_TenantId_MemberId_QuestionId" ON "WrongAnswers" ("TenantId", "MemberId", "QuestionId");
