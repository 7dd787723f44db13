-- Calendar invites and the private feed (docs/decisions/069-calendar-invites-and-feed.md).
-- Plain ADD COLUMNs: SQLite takes a NOT NULL column with a constant default without a rebuild.

-- AlterTable
ALTER TABLE "User" ADD COLUMN "calendarFeedCreatedAt" DATETIME;
ALTER TABLE "User" ADD COLUMN "calendarFeedHash" TEXT;
ALTER TABLE "Interview" ADD COLUMN "sequence" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE UNIQUE INDEX "User_calendarFeedHash_key" ON "User"("calendarFeedHash");
