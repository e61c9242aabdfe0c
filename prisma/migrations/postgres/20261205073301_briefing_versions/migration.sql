-- CreateTable
CREATE TABLE "BriefingVersion" (
    "id" TEXT NOT NULL,
    "briefingId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT,
    "createdById" TEXT,
    "authorIds" TEXT NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMP(3) NOT NULL,
    "checkpoint" BOOLEAN NOT NULL,
    "data" BYTEA NOT NULL,
    "stateVector" BYTEA NOT NULL,
    "contentHash" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,

    CONSTRAINT "BriefingVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BriefingVersion_briefingId_createdAt_idx" ON "BriefingVersion"("briefingId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "BriefingVersion_briefingId_seq_key" ON "BriefingVersion"("briefingId", "seq");

-- AddForeignKey
ALTER TABLE "BriefingVersion" ADD CONSTRAINT "BriefingVersion_briefingId_fkey" FOREIGN KEY ("briefingId") REFERENCES "Briefing"("id") ON DELETE CASCADE ON UPDATE CASCADE;

