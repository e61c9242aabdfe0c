-- AlterTable
ALTER TABLE "Briefing" ADD COLUMN     "classifiedBy" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "declassifyOn" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "derivedFrom" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "markingProfile" TEXT;

-- CreateTable
CREATE TABLE "MarkingProfile" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "definition" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MarkingProfile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MarkingProfileRevision" (
    "id" TEXT NOT NULL,
    "profileId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "definition" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "userId" TEXT,
    "userName" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MarkingProfileRevision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "MarkingProfile_key_key" ON "MarkingProfile"("key");

-- CreateIndex
CREATE UNIQUE INDEX "MarkingProfileRevision_profileId_version_key" ON "MarkingProfileRevision"("profileId", "version");

-- AddForeignKey
ALTER TABLE "MarkingProfileRevision" ADD CONSTRAINT "MarkingProfileRevision_profileId_fkey" FOREIGN KEY ("profileId") REFERENCES "MarkingProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

