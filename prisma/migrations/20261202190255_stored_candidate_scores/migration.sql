-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "CandidateScoreCache";
PRAGMA foreign_keys=on;

-- CreateTable
CREATE TABLE "CandidateScore" (
    "candidateId" TEXT NOT NULL PRIMARY KEY,
    "openingId" TEXT NOT NULL,
    "score" REAL,
    "coverage" REAL NOT NULL,
    "recommendation" TEXT NOT NULL,
    "recommendationRank" INTEGER NOT NULL,
    "redFlag" BOOLEAN NOT NULL,
    "split" BOOLEAN NOT NULL,
    "scorecards" INTEGER NOT NULL,
    "payload" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CandidateScore_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CandidateDimensionScore" (
    "candidateId" TEXT NOT NULL,
    "dimensionId" TEXT NOT NULL,
    "ratings" INTEGER NOT NULL,
    "sum" INTEGER NOT NULL,
    "min" INTEGER NOT NULL,
    "max" INTEGER NOT NULL,

    PRIMARY KEY ("candidateId", "dimensionId"),
    CONSTRAINT "CandidateDimensionScore_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "CandidateScore_openingId_score_idx" ON "CandidateScore"("openingId", "score");

-- CreateIndex
CREATE INDEX "CandidateScore_openingId_recommendationRank_score_idx" ON "CandidateScore"("openingId", "recommendationRank", "score");

