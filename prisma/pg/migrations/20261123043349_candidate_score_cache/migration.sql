-- CreateTable
CREATE TABLE "CandidateScoreCache" (
    "candidateId" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CandidateScoreCache_pkey" PRIMARY KEY ("candidateId")
);

-- AddForeignKey
ALTER TABLE "CandidateScoreCache" ADD CONSTRAINT "CandidateScoreCache_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

