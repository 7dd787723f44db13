-- CreateIndex
CREATE INDEX "Scorecard_status_updatedAt_version_idx" ON "Scorecard"("status", "updatedAt", "version");

