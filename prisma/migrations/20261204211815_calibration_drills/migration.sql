-- CreateTable
CREATE TABLE "Drill" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "exerciseId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "consensusMode" TEXT NOT NULL DEFAULT 'admin',
    "status" TEXT NOT NULL DEFAULT 'draft',
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "publishedAt" DATETIME,
    CONSTRAINT "Drill_exerciseId_fkey" FOREIGN KEY ("exerciseId") REFERENCES "Exercise" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Drill_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DrillConsensus" (
    "drillId" TEXT NOT NULL,
    "dimensionId" TEXT NOT NULL,
    "rating" INTEGER NOT NULL,

    PRIMARY KEY ("drillId", "dimensionId"),
    CONSTRAINT "DrillConsensus_drillId_fkey" FOREIGN KEY ("drillId") REFERENCES "Drill" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DrillConsensus_dimensionId_fkey" FOREIGN KEY ("dimensionId") REFERENCES "Dimension" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DrillAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "drillId" TEXT NOT NULL,
    "raterId" TEXT NOT NULL,
    "submittedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DrillAttempt_drillId_fkey" FOREIGN KEY ("drillId") REFERENCES "Drill" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DrillAttempt_raterId_fkey" FOREIGN KEY ("raterId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DrillRating" (
    "attemptId" TEXT NOT NULL,
    "dimensionId" TEXT NOT NULL,
    "rating" INTEGER,
    "notAssessed" BOOLEAN NOT NULL DEFAULT false,
    "evidence" TEXT NOT NULL DEFAULT '',

    PRIMARY KEY ("attemptId", "dimensionId"),
    CONSTRAINT "DrillRating_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "DrillAttempt" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DrillRating_dimensionId_fkey" FOREIGN KEY ("dimensionId") REFERENCES "Dimension" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Drill_status_createdAt_idx" ON "Drill"("status", "createdAt");

-- CreateIndex
CREATE INDEX "DrillAttempt_raterId_submittedAt_idx" ON "DrillAttempt"("raterId", "submittedAt");

-- CreateIndex
CREATE UNIQUE INDEX "DrillAttempt_drillId_raterId_key" ON "DrillAttempt"("drillId", "raterId");

-- CreateIndex
CREATE INDEX "DrillRating_dimensionId_idx" ON "DrillRating"("dimensionId");

