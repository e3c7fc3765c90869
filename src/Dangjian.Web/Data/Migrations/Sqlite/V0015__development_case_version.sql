-- V0015: the version of a development case, raised by every step and sign-off: its concurrency token, so that a step
-- (or a signature) sent twice at once is recorded once. Existing cases start at 0.
ALTER TABLE "DevelopmentCases" ADD COLUMN "Version" INTEGER NOT NULL DEFAULT 0;
