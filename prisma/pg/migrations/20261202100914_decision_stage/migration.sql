-- AlterTable
ALTER TABLE "Decision" ADD COLUMN     "stageAfter" TEXT,
ADD COLUMN     "stageBefore" TEXT;

