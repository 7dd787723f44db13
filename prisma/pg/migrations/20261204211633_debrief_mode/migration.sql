-- CreateTable
CREATE TABLE "Debrief" (
    "id" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,
    "startedById" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMP(3),
    "revealMode" TEXT NOT NULL DEFAULT 'one',
    "revealOrder" TEXT NOT NULL,
    "seniorIds" TEXT NOT NULL DEFAULT '[]',

    CONSTRAINT "Debrief_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DebriefSnapshot" (
    "debriefId" TEXT NOT NULL,
    "scorecardId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" TEXT NOT NULL,

    CONSTRAINT "DebriefSnapshot_pkey" PRIMARY KEY ("debriefId","scorecardId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Debrief_candidateId_key" ON "Debrief"("candidateId");

-- AddForeignKey
ALTER TABLE "Debrief" ADD CONSTRAINT "Debrief_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Debrief" ADD CONSTRAINT "Debrief_startedById_fkey" FOREIGN KEY ("startedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DebriefSnapshot" ADD CONSTRAINT "DebriefSnapshot_debriefId_fkey" FOREIGN KEY ("debriefId") REFERENCES "Debrief"("id") ON DELETE CASCADE ON UPDATE CASCADE;

