-- CreateTable
CREATE TABLE "Debrief" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "candidateId" TEXT NOT NULL,
    "startedById" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" DATETIME,
    "revealMode" TEXT NOT NULL DEFAULT 'one',
    "revealOrder" TEXT NOT NULL,
    "seniorIds" TEXT NOT NULL DEFAULT '[]',
    CONSTRAINT "Debrief_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Debrief_startedById_fkey" FOREIGN KEY ("startedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DebriefSnapshot" (
    "debriefId" TEXT NOT NULL,
    "scorecardId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" TEXT NOT NULL,

    PRIMARY KEY ("debriefId", "scorecardId"),
    CONSTRAINT "DebriefSnapshot_debriefId_fkey" FOREIGN KEY ("debriefId") REFERENCES "Debrief" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Debrief_candidateId_key" ON "Debrief"("candidateId");

