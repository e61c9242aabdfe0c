-- CreateTable
CREATE TABLE "MarkingProfile" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "definition" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "MarkingProfileRevision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "profileId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "definition" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "userId" TEXT,
    "userName" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MarkingProfileRevision_profileId_fkey" FOREIGN KEY ("profileId") REFERENCES "MarkingProfile" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable (added columns; a table redefinition would drop columns other migrations add)
ALTER TABLE "Briefing" ADD COLUMN "markingProfile" TEXT;
ALTER TABLE "Briefing" ADD COLUMN "classifiedBy" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Briefing" ADD COLUMN "derivedFrom" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Briefing" ADD COLUMN "declassifyOn" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE UNIQUE INDEX "MarkingProfile_key_key" ON "MarkingProfile"("key");

-- CreateIndex
CREATE UNIQUE INDEX "MarkingProfileRevision_profileId_version_key" ON "MarkingProfileRevision"("profileId", "version");

