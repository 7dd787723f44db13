-- CreateTable
CREATE TABLE "HireCheckIn" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "candidateId" TEXT NOT NULL,
    "periodDays" INTEGER NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "decisionId" TEXT NOT NULL,
    "submittedById" TEXT NOT NULL,
    "overall" INTEGER NOT NULL,
    "wouldHireAgain" BOOLEAN NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "HireCheckIn_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "HireCheckIn_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "HireCheckInRating" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "checkInId" TEXT NOT NULL,
    "dimensionId" TEXT NOT NULL,
    "rating" INTEGER,
    "notAssessed" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "HireCheckInRating_checkInId_fkey" FOREIGN KEY ("checkInId") REFERENCES "HireCheckIn" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "HireCheckInRating_dimensionId_fkey" FOREIGN KEY ("dimensionId") REFERENCES "Dimension" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "HireCheckIn_candidateId_periodDays_key" ON "HireCheckIn"("candidateId", "periodDays");

-- CreateIndex
CREATE INDEX "HireCheckInRating_dimensionId_idx" ON "HireCheckInRating"("dimensionId");

-- CreateIndex
CREATE UNIQUE INDEX "HireCheckInRating_checkInId_dimensionId_key" ON "HireCheckInRating"("checkInId", "dimensionId");

