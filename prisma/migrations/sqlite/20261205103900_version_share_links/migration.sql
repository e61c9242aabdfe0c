-- CreateTable
CREATE TABLE "BriefingPendingAuthor" (
    "briefingId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "notedAt" DATETIME NOT NULL,

    PRIMARY KEY ("briefingId", "userId"),
    CONSTRAINT "BriefingPendingAuthor_briefingId_fkey" FOREIGN KEY ("briefingId") REFERENCES "Briefing" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable (by hand instead of Prisma's RedefineTables: a new nullable column)
ALTER TABLE "ShareLink" ADD COLUMN "versionId" TEXT REFERENCES "BriefingVersion" ("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateIndex
CREATE INDEX "ShareLink_versionId_idx" ON "ShareLink"("versionId");
