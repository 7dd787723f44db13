-- AlterTable
ALTER TABLE "Interview" ADD COLUMN     "sequence" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "calendarFeedCreatedAt" TIMESTAMP(3),
ADD COLUMN     "calendarFeedHash" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "User_calendarFeedHash_key" ON "User"("calendarFeedHash");

