-- AlterTable
ALTER TABLE "Decision" ADD COLUMN "stageAfter" TEXT;
ALTER TABLE "Decision" ADD COLUMN "stageBefore" TEXT;

