-- CreateTable
CREATE TABLE "PendingShare" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "briefingId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PendingShare_briefingId_fkey" FOREIGN KEY ("briefingId") REFERENCES "Briefing" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "PendingShare_email_idx" ON "PendingShare"("email");

-- CreateIndex
CREATE UNIQUE INDEX "PendingShare_briefingId_email_key" ON "PendingShare"("briefingId", "email");


-- Accounts created before e-mail verification existed count as verified: they were trusted
-- until now, and locking them out of shares and invitations would lose their access.
UPDATE "User" SET "emailVerified" = 1;
