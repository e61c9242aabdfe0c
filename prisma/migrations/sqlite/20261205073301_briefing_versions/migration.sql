-- CreateTable
CREATE TABLE "BriefingVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "briefingId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT,
    "createdById" TEXT,
    "authorIds" TEXT NOT NULL DEFAULT '[]',
    "createdAt" DATETIME NOT NULL,
    "checkpoint" BOOLEAN NOT NULL,
    "data" BLOB NOT NULL,
    "stateVector" BLOB NOT NULL,
    "contentHash" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,
    CONSTRAINT "BriefingVersion_briefingId_fkey" FOREIGN KEY ("briefingId") REFERENCES "Briefing" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "BriefingVersion_briefingId_createdAt_idx" ON "BriefingVersion"("briefingId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "BriefingVersion_briefingId_seq_key" ON "BriefingVersion"("briefingId", "seq");

