-- DropForeignKey
ALTER TABLE "CandidateScoreCache" DROP CONSTRAINT "CandidateScoreCache_candidateId_fkey";

-- DropTable
DROP TABLE "CandidateScoreCache";

-- CreateTable
CREATE TABLE "CandidateScore" (
    "candidateId" TEXT NOT NULL,
    "openingId" TEXT NOT NULL,
    "score" DOUBLE PRECISION,
    "coverage" DOUBLE PRECISION NOT NULL,
    "recommendation" TEXT NOT NULL,
    "recommendationRank" INTEGER NOT NULL,
    "redFlag" BOOLEAN NOT NULL,
    "split" BOOLEAN NOT NULL,
    "scorecards" INTEGER NOT NULL,
    "payload" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CandidateScore_pkey" PRIMARY KEY ("candidateId")
);

-- CreateTable
CREATE TABLE "CandidateDimensionScore" (
    "candidateId" TEXT NOT NULL,
    "dimensionId" TEXT NOT NULL,
    "ratings" INTEGER NOT NULL,
    "sum" INTEGER NOT NULL,
    "min" INTEGER NOT NULL,
    "max" INTEGER NOT NULL,

    CONSTRAINT "CandidateDimensionScore_pkey" PRIMARY KEY ("candidateId","dimensionId")
);

-- CreateIndex
CREATE INDEX "CandidateScore_openingId_score_idx" ON "CandidateScore"("openingId", "score");

-- CreateIndex
CREATE INDEX "CandidateScore_openingId_recommendationRank_score_idx" ON "CandidateScore"("openingId", "recommendationRank", "score");

-- AddForeignKey
ALTER TABLE "CandidateScore" ADD CONSTRAINT "CandidateScore_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CandidateDimensionScore" ADD CONSTRAINT "CandidateDimensionScore_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

