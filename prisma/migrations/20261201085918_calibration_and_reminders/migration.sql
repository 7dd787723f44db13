-- CreateTable
CREATE TABLE "Reminder" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "interviewId" TEXT,
    "dueAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedAt" DATETIME,
    "sentAt" DATETIME,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Reminder_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Reminder_interviewId_fkey" FOREIGN KEY ("interviewId") REFERENCES "Interview" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_RoleTemplateVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "templateId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "source" TEXT,
    "changeNote" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT,
    "minCoverage" REAL NOT NULL DEFAULT 0.6,
    "strongHireMin" REAL NOT NULL DEFAULT 4,
    "hireMin" REAL NOT NULL DEFAULT 3.25,
    "leanNoHireMin" REAL NOT NULL DEFAULT 2.5,
    "splitSpreadMin" INTEGER NOT NULL DEFAULT 3,
    "recommendOn" TEXT NOT NULL DEFAULT 'raw',
    "summaryRoleTitle" TEXT NOT NULL DEFAULT '',
    "summaryRolePurpose" TEXT NOT NULL DEFAULT '',
    "summaryTopResponsibilities" TEXT NOT NULL DEFAULT '',
    "summaryTopTechnicalSkills" TEXT NOT NULL DEFAULT '',
    "summaryTopSoftSkills" TEXT NOT NULL DEFAULT '',
    "summaryTopTools" TEXT NOT NULL DEFAULT '',
    "summaryTopKpis" TEXT NOT NULL DEFAULT '',
    "summaryMainDeliverables" TEXT NOT NULL DEFAULT '',
    "summaryMainGoals" TEXT NOT NULL DEFAULT '',
    "summaryCareerProgression" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "RoleTemplateVersion_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "RoleTemplate" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RoleTemplateVersion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_RoleTemplateVersion" ("changeNote", "createdAt", "createdById", "hireMin", "id", "leanNoHireMin", "minCoverage", "source", "splitSpreadMin", "strongHireMin", "summaryCareerProgression", "summaryMainDeliverables", "summaryMainGoals", "summaryRolePurpose", "summaryRoleTitle", "summaryTopKpis", "summaryTopResponsibilities", "summaryTopSoftSkills", "summaryTopTechnicalSkills", "summaryTopTools", "templateId", "title", "version") SELECT "changeNote", "createdAt", "createdById", "hireMin", "id", "leanNoHireMin", "minCoverage", "source", "splitSpreadMin", "strongHireMin", "summaryCareerProgression", "summaryMainDeliverables", "summaryMainGoals", "summaryRolePurpose", "summaryRoleTitle", "summaryTopKpis", "summaryTopResponsibilities", "summaryTopSoftSkills", "summaryTopTechnicalSkills", "summaryTopTools", "templateId", "title", "version" FROM "RoleTemplateVersion";
DROP TABLE "RoleTemplateVersion";
ALTER TABLE "new_RoleTemplateVersion" RENAME TO "RoleTemplateVersion";
CREATE UNIQUE INDEX "RoleTemplateVersion_templateId_version_key" ON "RoleTemplateVersion"("templateId", "version");
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
    "remindersPaused" BOOLEAN NOT NULL DEFAULT false
);
INSERT INTO "new_User" ("active", "createdAt", "deactivatedAt", "email", "id", "name", "passwordHash", "updatedAt") SELECT "active", "createdAt", "deactivatedAt", "email", "id", "name", "passwordHash", "updatedAt" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Reminder_key_key" ON "Reminder"("key");

-- CreateIndex
CREATE INDEX "Reminder_status_nextAttemptAt_idx" ON "Reminder"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "Reminder_userId_dueAt_idx" ON "Reminder"("userId", "dueAt");

-- CreateIndex
CREATE INDEX "Reminder_interviewId_idx" ON "Reminder"("interviewId");

