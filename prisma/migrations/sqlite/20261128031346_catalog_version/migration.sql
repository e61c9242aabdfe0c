-- CreateTable
CREATE TABLE "CatalogVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "version" INTEGER NOT NULL
);


-- Written by hand: the single row, and triggers that bump it on every change to a catalog table,
-- whoever writes (Prisma, scripts, raw SQL). SQLite has row-level triggers only: one bump per row.
INSERT INTO "CatalogVersion" ("id", "version") VALUES (1, 1);

CREATE TRIGGER "Framework_catalog_version_insert" AFTER INSERT ON "Framework"
BEGIN
    UPDATE "CatalogVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "Framework_catalog_version_update" AFTER UPDATE ON "Framework"
BEGIN
    UPDATE "CatalogVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "Framework_catalog_version_delete" AFTER DELETE ON "Framework"
BEGIN
    UPDATE "CatalogVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "Membership_catalog_version_insert" AFTER INSERT ON "Membership"
BEGIN
    UPDATE "CatalogVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "Membership_catalog_version_update" AFTER UPDATE ON "Membership"
BEGIN
    UPDATE "CatalogVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "Membership_catalog_version_delete" AFTER DELETE ON "Membership"
BEGIN
    UPDATE "CatalogVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "Dimension_catalog_version_insert" AFTER INSERT ON "Dimension"
BEGIN
    UPDATE "CatalogVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "Dimension_catalog_version_update" AFTER UPDATE ON "Dimension"
BEGIN
    UPDATE "CatalogVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "Dimension_catalog_version_delete" AFTER DELETE ON "Dimension"
BEGIN
    UPDATE "CatalogVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "AttributeValue_catalog_version_insert" AFTER INSERT ON "AttributeValue"
BEGIN
    UPDATE "CatalogVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "AttributeValue_catalog_version_update" AFTER UPDATE ON "AttributeValue"
BEGIN
    UPDATE "CatalogVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "AttributeValue_catalog_version_delete" AFTER DELETE ON "AttributeValue"
BEGIN
    UPDATE "CatalogVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "Source_catalog_version_insert" AFTER INSERT ON "Source"
BEGIN
    UPDATE "CatalogVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "Source_catalog_version_update" AFTER UPDATE ON "Source"
BEGIN
    UPDATE "CatalogVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "Source_catalog_version_delete" AFTER DELETE ON "Source"
BEGIN
    UPDATE "CatalogVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;
