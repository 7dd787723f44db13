-- DropIndex
DROP INDEX "Scorecard_submissionKey_key";

-- CreateTable
CREATE TABLE "EndedSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "deactivatedAt" DATETIME,
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "remindersPaused" BOOLEAN NOT NULL DEFAULT false,
    "sessionGeneration" INTEGER NOT NULL DEFAULT 0
);
INSERT INTO "new_User" ("active", "createdAt", "deactivatedAt", "email", "id", "name", "passwordHash", "remindersPaused", "timeZone", "updatedAt") SELECT "active", "createdAt", "deactivatedAt", "email", "id", "name", "passwordHash", "remindersPaused", "timeZone", "updatedAt" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "EndedSession_expiresAt_idx" ON "EndedSession"("expiresAt");

