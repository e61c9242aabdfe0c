-- AlterTable
ALTER TABLE "Briefing" ADD COLUMN "suggestionsOnly" BOOLEAN NOT NULL DEFAULT false;
