-- CreateTable
CREATE TABLE "Clearance" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "briefingId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "openKey" TEXT,
    "dueAt" DATETIME NOT NULL,
    "requestedById" TEXT,
    "createdAt" DATETIME NOT NULL,
    "finalizedById" TEXT,
    "clearedAt" DATETIME,
    "override" BOOLEAN NOT NULL DEFAULT false,
    "dissent" TEXT,
    "releasedById" TEXT,
    "releasedAt" DATETIME,
    "withdrawnAt" DATETIME,
    "overdueNotifiedAt" DATETIME,
    CONSTRAINT "Clearance_briefingId_fkey" FOREIGN KEY ("briefingId") REFERENCES "Briefing" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Clearance_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "BriefingVersion" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Clearance_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ClearanceStep" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "clearanceId" TEXT NOT NULL,
    "order" INTEGER NOT NULL,
    "userId" TEXT,
    "teamId" TEXT,
    "answer" TEXT,
    "comment" TEXT,
    "answeredById" TEXT,
    "answeredAt" DATETIME,
    CONSTRAINT "ClearanceStep_clearanceId_fkey" FOREIGN KEY ("clearanceId") REFERENCES "Clearance" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ClearanceEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "clearanceId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "actorId" TEXT,
    "detail" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "ClearanceEvent_clearanceId_fkey" FOREIGN KEY ("clearanceId") REFERENCES "Clearance" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Clearance_openKey_key" ON "Clearance"("openKey");

-- CreateIndex
CREATE INDEX "Clearance_briefingId_createdAt_idx" ON "Clearance"("briefingId", "createdAt");

-- CreateIndex
CREATE INDEX "Clearance_state_dueAt_idx" ON "Clearance"("state", "dueAt");

-- CreateIndex
CREATE INDEX "ClearanceStep_userId_idx" ON "ClearanceStep"("userId");

-- CreateIndex
CREATE INDEX "ClearanceStep_teamId_idx" ON "ClearanceStep"("teamId");

-- CreateIndex
CREATE UNIQUE INDEX "ClearanceStep_clearanceId_order_key" ON "ClearanceStep"("clearanceId", "order");

-- CreateIndex
CREATE INDEX "ClearanceEvent_clearanceId_createdAt_idx" ON "ClearanceEvent"("clearanceId", "createdAt");

