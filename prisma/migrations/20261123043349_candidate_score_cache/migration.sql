-- CreateTable
CREATE TABLE "CandidateScoreCache" (
    "candidateId" TEXT NOT NULL PRIMARY KEY,
    "fingerprint" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CandidateScoreCache_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

