-- CreateTable
CREATE TABLE "PendingShare" (
    "id" TEXT NOT NULL,
    "briefingId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PendingShare_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PendingShare_email_idx" ON "PendingShare"("email");

-- CreateIndex
CREATE UNIQUE INDEX "PendingShare_briefingId_email_key" ON "PendingShare"("briefingId", "email");

-- AddForeignKey
ALTER TABLE "PendingShare" ADD CONSTRAINT "PendingShare_briefingId_fkey" FOREIGN KEY ("briefingId") REFERENCES "Briefing"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Accounts created before e-mail verification existed count as verified: they were trusted
-- until now, and locking them out of shares and invitations would lose their access.
UPDATE "User" SET "emailVerified" = true;
