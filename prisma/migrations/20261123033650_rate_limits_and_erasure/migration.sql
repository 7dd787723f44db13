-- AlterTable
ALTER TABLE "Candidate" ADD COLUMN "erasedAt" DATETIME;

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "windowStart" DATETIME NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0
);

-- CreateIndex
CREATE INDEX "RateLimit_windowStart_idx" ON "RateLimit"("windowStart");


-- Erasure (issue 8): the audit log stays append-only, except that an entry's before/after
-- snapshots may be replaced by the marker {"erased":true} when a candidate's personal data is
-- erased. Who did what, when, to which record, is never changed; entries are never deleted.
DROP TRIGGER "AuditLog_no_update";
CREATE TRIGGER "AuditLog_no_update" BEFORE UPDATE ON "AuditLog"
WHEN NOT (
  NEW."id" = OLD."id" AND NEW."at" = OLD."at" AND NEW."actorId" IS OLD."actorId" AND NEW."action" = OLD."action"
  AND NEW."entityType" = OLD."entityType" AND NEW."entityId" = OLD."entityId"
  AND (NEW."before" IS OLD."before" OR NEW."before" = '{"erased":true}')
  AND (NEW."after" IS OLD."after" OR NEW."after" = '{"erased":true}')
)
BEGIN
  SELECT RAISE(ABORT, 'AuditLog is append-only');
END;
