-- AlterTable
ALTER TABLE "Reminder" ADD COLUMN "requestedById" TEXT;

-- CreateTable
CREATE TABLE "OpeningInterviewer" (
    "openingId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("openingId", "userId"),
    CONSTRAINT "OpeningInterviewer_openingId_fkey" FOREIGN KEY ("openingId") REFERENCES "Opening" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OpeningInterviewer_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "OpeningInterviewer_userId_idx" ON "OpeningInterviewer"("userId");

