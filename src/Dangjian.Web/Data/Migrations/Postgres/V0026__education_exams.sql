-- V0026: education exams: the question bank, papers, exams and contests, attempts and the wrong-answer book.

CREATE TABLE "ExamQuestions" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "OrgUnitId" uuid NOT NULL,
    "OrgPath" character varying(400) COLLATE "C" NOT NULL,
    "Type" character varying(40) NOT NULL,
    "Category" character varying(40) NOT NULL,
    "Difficulty" integer NOT NULL,
    "Stem" character varying(1000) NOT NULL,
    "Options" character varying(2000),
    "Answer" character varying(400) NOT NULL,
    "Explanation" character varying(2000),
    "RetiredAt" timestamp with time zone,
    "CreatedAt" timestamp with time zone NOT NULL,
    "CreatedBy" character varying(100) NOT NULL,
    "UpdatedAt" timestamp with time zone,
    CONSTRAINT "PK_ExamQuestions" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_ExamQuestions_TenantId_OrgPath_Category_Difficulty" ON "ExamQuestions" ("TenantId", "OrgPath", "Category", "Difficulty");

CREATE TABLE "ExamPapers" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "OrgUnitId" uuid NOT NULL,
    "OrgPath" character varying(400) COLLATE "C" NOT NULL,
    "Title" character varying(200) NOT NULL,
    "Mode" character varying(40) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "CreatedBy" character varying(100) NOT NULL,
    CONSTRAINT "PK_ExamPapers" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_ExamPapers_TenantId_OrgPath" ON "ExamPapers" ("TenantId", "OrgPath");

CREATE TABLE "ExamPaperParts" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "PaperId" uuid NOT NULL,
    "Position" integer NOT NULL,
    "QuestionId" uuid,
    "Category" character varying(40),
    "Difficulty" integer,
    "Count" integer NOT NULL,
    "Points" integer NOT NULL,
    CONSTRAINT "PK_ExamPaperParts" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ExamPaperParts_ExamPapers_PaperId" FOREIGN KEY ("PaperId") REFERENCES "ExamPapers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_ExamPaperParts_PaperId" ON "ExamPaperParts" ("PaperId");

CREATE INDEX "IX_ExamPaperParts_TenantId_PaperId_Position" ON "ExamPaperParts" ("TenantId", "PaperId", "Position");

CREATE TABLE "Exams" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "OrgUnitId" uuid NOT NULL,
    "OrgPath" character varying(400) COLLATE "C" NOT NULL,
    "PaperId" uuid NOT NULL,
    "Title" character varying(200) NOT NULL,
    "IsContest" boolean NOT NULL,
    "OpensAt" timestamp with time zone NOT NULL,
    "ClosesAt" timestamp with time zone NOT NULL,
    "TimeLimitMinutes" integer NOT NULL,
    "AttemptsAllowed" integer NOT NULL,
    "PassMark" integer NOT NULL,
    "PartialCredit" boolean NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "CreatedBy" character varying(100) NOT NULL,
    CONSTRAINT "PK_Exams" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_Exams_TenantId_OrgPath_ClosesAt" ON "Exams" ("TenantId", "OrgPath", "ClosesAt");

CREATE TABLE "ExamAttempts" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "ExamId" uuid NOT NULL,
    "MemberId" uuid NOT NULL,
    "MemberName" character varying(100) NOT NULL,
    "OrgUnitId" uuid NOT NULL,
    "OrgPath" character varying(400) COLLATE "C" NOT NULL,
    "Number" integer NOT NULL,
    "StartedAt" timestamp with time zone NOT NULL,
    "DeadlineAt" timestamp with time zone NOT NULL,
    "SubmittedAt" timestamp with time zone,
    "Status" character varying(40) NOT NULL,
    "Score" double precision NOT NULL,
    "MaxScore" integer NOT NULL,
    "Passed" boolean NOT NULL,
    "Seconds" integer,
    CONSTRAINT "PK_ExamAttempts" PRIMARY KEY ("Id")
);

CREATE UNIQUE INDEX "IX_ExamAttempts_TenantId_ExamId_MemberId_Number" ON "ExamAttempts" ("TenantId", "ExamId", "MemberId", "Number");

CREATE INDEX "IX_ExamAttempts_TenantId_ExamId_OrgPath" ON "ExamAttempts" ("TenantId", "ExamId", "OrgPath");

CREATE TABLE "ExamAttemptAnswers" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "AttemptId" uuid NOT NULL,
    "QuestionId" uuid NOT NULL,
    "Position" integer NOT NULL,
    "Points" integer NOT NULL,
    "Given" character varying(400),
    "AnsweredAt" timestamp with time zone,
    "Correct" boolean,
    "Earned" double precision NOT NULL,
    CONSTRAINT "PK_ExamAttemptAnswers" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ExamAttemptAnswers_ExamAttempts_AttemptId" FOREIGN KEY ("AttemptId") REFERENCES "ExamAttempts" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_ExamAttemptAnswers_AttemptId" ON "ExamAttemptAnswers" ("AttemptId");

CREATE INDEX "IX_ExamAttemptAnswers_TenantId_AttemptId_Position" ON "ExamAttemptAnswers" ("TenantId", "AttemptId", "Position");

CREATE TABLE "WrongAnswers" (
    "Id" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    "MemberId" uuid NOT NULL,
    "QuestionId" uuid NOT NULL,
    "LastAttemptId" uuid NOT NULL,
    "LastGiven" character varying(400),
    "Times" integer NOT NULL,
    "LastWrongAt" timestamp with time zone NOT NULL,
    "MasteredAt" timestamp with time zone,
    CONSTRAINT "PK_WrongAnswers" PRIMARY KEY ("Id")
);

CREATE UNIQUE INDEX "IX_WrongAnswers_TenantId_MemberId_QuestionId" ON "WrongAnswers" ("TenantId", "MemberId", "QuestionId");
