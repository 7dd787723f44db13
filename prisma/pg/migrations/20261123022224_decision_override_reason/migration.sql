-- AlterTable
ALTER TABLE "Decision" ADD COLUMN     "computedScore" DOUBLE PRECISION,
ADD COLUMN     "overrideReason" TEXT;

