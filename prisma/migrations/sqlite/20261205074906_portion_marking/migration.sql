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

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Briefing" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "teamId" TEXT,
    "classification" TEXT NOT NULL DEFAULT '',
    "markingProfile" TEXT,
    "classifiedBy" TEXT NOT NULL DEFAULT '',
    "derivedFrom" TEXT NOT NULL DEFAULT '',
    "declassifyOn" TEXT NOT NULL DEFAULT '',
    "yState" BLOB,
    "yStateThrough" INTEGER NOT NULL DEFAULT 0,
    "yStateVersion" INTEGER NOT NULL DEFAULT 0,
    "contentJson" TEXT,
    "contentText" TEXT NOT NULL DEFAULT '',
    "contentUpdatedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "deletedAt" DATETIME,
    CONSTRAINT "Briefing_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Briefing_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Organization" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Briefing" ("classification", "contentJson", "contentText", "contentUpdatedAt", "createdAt", "deletedAt", "id", "ownerId", "teamId", "title", "updatedAt", "yState", "yStateThrough", "yStateVersion") SELECT "classification", "contentJson", "contentText", "contentUpdatedAt", "createdAt", "deletedAt", "id", "ownerId", "teamId", "title", "updatedAt", "yState", "yStateThrough", "yStateVersion" FROM "Briefing";
DROP TABLE "Briefing";
ALTER TABLE "new_Briefing" RENAME TO "Briefing";
CREATE INDEX "Briefing_ownerId_idx" ON "Briefing"("ownerId");
CREATE INDEX "Briefing_teamId_idx" ON "Briefing"("teamId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "MarkingProfile_key_key" ON "MarkingProfile"("key");

-- CreateIndex
CREATE UNIQUE INDEX "MarkingProfileRevision_profileId_version_key" ON "MarkingProfileRevision"("profileId", "version");

