-- AlterTable
ALTER TABLE "Reminder" ADD COLUMN     "requestedById" TEXT;

-- CreateTable
CREATE TABLE "OpeningInterviewer" (
    "openingId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OpeningInterviewer_pkey" PRIMARY KEY ("openingId","userId")
);

-- CreateIndex
CREATE INDEX "OpeningInterviewer_userId_idx" ON "OpeningInterviewer"("userId");

-- AddForeignKey
ALTER TABLE "OpeningInterviewer" ADD CONSTRAINT "OpeningInterviewer_openingId_fkey" FOREIGN KEY ("openingId") REFERENCES "Opening"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpeningInterviewer" ADD CONSTRAINT "OpeningInterviewer_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

