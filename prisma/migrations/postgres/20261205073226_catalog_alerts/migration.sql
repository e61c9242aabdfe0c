-- CreateTable
CREATE TABLE "CatalogAlert" (
    "id" TEXT NOT NULL,
    "briefingId" TEXT NOT NULL,
    "changeId" TEXT NOT NULL,
    "via" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dismissedAt" TIMESTAMP(3),
    "dismissedById" TEXT,

    CONSTRAINT "CatalogAlert_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CatalogAlert_briefingId_dismissedAt_idx" ON "CatalogAlert"("briefingId", "dismissedAt");

-- CreateIndex
CREATE UNIQUE INDEX "CatalogAlert_briefingId_changeId_key" ON "CatalogAlert"("briefingId", "changeId");

-- CreateIndex
CREATE INDEX "CatalogChange_createdAt_idx" ON "CatalogChange"("createdAt");

-- AddForeignKey
ALTER TABLE "CatalogAlert" ADD CONSTRAINT "CatalogAlert_briefingId_fkey" FOREIGN KEY ("briefingId") REFERENCES "Briefing"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CatalogAlert" ADD CONSTRAINT "CatalogAlert_changeId_fkey" FOREIGN KEY ("changeId") REFERENCES "CatalogChange"("id") ON DELETE CASCADE ON UPDATE CASCADE;

