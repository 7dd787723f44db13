-- AlterTable
ALTER TABLE "Candidate" ADD COLUMN     "erasedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "RateLimit_windowStart_idx" ON "RateLimit"("windowStart");


-- Erasure (issue 8): the audit log stays append-only, except that an entry's before/after
-- snapshots may be replaced by the marker {"erased":true} when a candidate's personal data is
-- erased. Who did what, when, to which record, is never changed; entries are never deleted.
DROP TRIGGER "AuditLog_append_only" ON "AuditLog";

CREATE FUNCTION "AuditLog_only_erasure"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."id" = OLD."id" AND NEW."at" = OLD."at" AND NEW."actorId" IS NOT DISTINCT FROM OLD."actorId"
     AND NEW."action" = OLD."action" AND NEW."entityType" = OLD."entityType" AND NEW."entityId" = OLD."entityId"
     AND (NEW."before" IS NOT DISTINCT FROM OLD."before" OR NEW."before" = '{"erased":true}')
     AND (NEW."after" IS NOT DISTINCT FROM OLD."after" OR NEW."after" = '{"erased":true}') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'AuditLog is append-only';
END;
$$;

CREATE TRIGGER "AuditLog_no_update" BEFORE UPDATE ON "AuditLog"
FOR EACH ROW EXECUTE FUNCTION "AuditLog_only_erasure"();

CREATE TRIGGER "AuditLog_no_delete" BEFORE DELETE ON "AuditLog"
FOR EACH ROW EXECUTE FUNCTION "AuditLog_append_only"();
