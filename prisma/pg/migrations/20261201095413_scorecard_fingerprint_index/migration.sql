-- CreateIndex
CREATE INDEX "Scorecard_updatedAt_version_status_idx" ON "Scorecard"("updatedAt", "version", "status");

