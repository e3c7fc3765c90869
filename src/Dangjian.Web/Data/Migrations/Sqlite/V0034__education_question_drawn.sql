-- V0034: which questions were drawn for an attempt (a question drawn is no longer changed, docs/rules/education.md#ex-6).
CREATE INDEX "IX_ExamAttemptAnswers_TenantId_QuestionId" ON "ExamAttemptAnswers" ("TenantId", "QuestionId");
