-- CreateTable
CREATE TABLE "Drill" (
    "id" TEXT NOT NULL,
    "exerciseId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "consensusMode" TEXT NOT NULL DEFAULT 'admin',
    "status" TEXT NOT NULL DEFAULT 'draft',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "publishedAt" TIMESTAMP(3),

    CONSTRAINT "Drill_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DrillConsensus" (
    "drillId" TEXT NOT NULL,
    "dimensionId" TEXT NOT NULL,
    "rating" INTEGER NOT NULL,

    CONSTRAINT "DrillConsensus_pkey" PRIMARY KEY ("drillId","dimensionId")
);

-- CreateTable
CREATE TABLE "DrillAttempt" (
    "id" TEXT NOT NULL,
    "drillId" TEXT NOT NULL,
    "raterId" TEXT NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DrillAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DrillRating" (
    "attemptId" TEXT NOT NULL,
    "dimensionId" TEXT NOT NULL,
    "rating" INTEGER,
    "notAssessed" BOOLEAN NOT NULL DEFAULT false,
    "evidence" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "DrillRating_pkey" PRIMARY KEY ("attemptId","dimensionId")
);

-- CreateIndex
CREATE INDEX "Drill_status_createdAt_idx" ON "Drill"("status", "createdAt");

-- CreateIndex
CREATE INDEX "DrillAttempt_raterId_submittedAt_idx" ON "DrillAttempt"("raterId", "submittedAt");

-- CreateIndex
CREATE UNIQUE INDEX "DrillAttempt_drillId_raterId_key" ON "DrillAttempt"("drillId", "raterId");

-- CreateIndex
CREATE INDEX "DrillRating_dimensionId_idx" ON "DrillRating"("dimensionId");

-- AddForeignKey
ALTER TABLE "Drill" ADD CONSTRAINT "Drill_exerciseId_fkey" FOREIGN KEY ("exerciseId") REFERENCES "Exercise"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Drill" ADD CONSTRAINT "Drill_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DrillConsensus" ADD CONSTRAINT "DrillConsensus_drillId_fkey" FOREIGN KEY ("drillId") REFERENCES "Drill"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DrillConsensus" ADD CONSTRAINT "DrillConsensus_dimensionId_fkey" FOREIGN KEY ("dimensionId") REFERENCES "Dimension"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DrillAttempt" ADD CONSTRAINT "DrillAttempt_drillId_fkey" FOREIGN KEY ("drillId") REFERENCES "Drill"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DrillAttempt" ADD CONSTRAINT "DrillAttempt_raterId_fkey" FOREIGN KEY ("raterId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DrillRating" ADD CONSTRAINT "DrillRating_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "DrillAttempt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DrillRating" ADD CONSTRAINT "DrillRating_dimensionId_fkey" FOREIGN KEY ("dimensionId") REFERENCES "Dimension"("id") ON DELETE CASCADE ON UPDATE CASCADE;

