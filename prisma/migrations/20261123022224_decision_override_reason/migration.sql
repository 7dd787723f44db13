-- AlterTable
ALTER TABLE "Decision" ADD COLUMN "computedScore" REAL;
ALTER TABLE "Decision" ADD COLUMN "overrideReason" TEXT;

