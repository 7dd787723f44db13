-- AlterTable
ALTER TABLE "Opening" ADD COLUMN "chatKind" TEXT;
ALTER TABLE "Opening" ADD COLUMN "chatUrl" TEXT;

-- AlterTable
ALTER TABLE "Reminder" ADD COLUMN "lastStatusCode" INTEGER;

-- AlterTable
ALTER TABLE "User" ADD COLUMN "chatKind" TEXT;
ALTER TABLE "User" ADD COLUMN "chatUrl" TEXT;

