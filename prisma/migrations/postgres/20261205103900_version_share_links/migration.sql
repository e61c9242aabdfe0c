-- AlterTable
ALTER TABLE "ShareLink" ADD COLUMN     "versionId" TEXT;

-- CreateTable
CREATE TABLE "BriefingPendingAuthor" (
    "briefingId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "notedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BriefingPendingAuthor_pkey" PRIMARY KEY ("briefingId","userId")
);

-- AddForeignKey
ALTER TABLE "BriefingPendingAuthor" ADD CONSTRAINT "BriefingPendingAuthor_briefingId_fkey" FOREIGN KEY ("briefingId") REFERENCES "Briefing"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShareLink" ADD CONSTRAINT "ShareLink_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "BriefingVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- CreateIndex
CREATE INDEX "ShareLink_versionId_idx" ON "ShareLink"("versionId");
