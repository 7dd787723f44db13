-- AlterTable
ALTER TABLE "RoleTemplateVersion" ADD COLUMN     "redFlagMinInterviewers" INTEGER NOT NULL DEFAULT 1;
