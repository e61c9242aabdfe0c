-- CreateTable
CREATE TABLE "CatalogVersion" (
    "id" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,

    CONSTRAINT "CatalogVersion_pkey" PRIMARY KEY ("id")
);


-- Written by hand: the single row, and triggers that bump it on every change to a catalog table,
-- whoever writes (Prisma, scripts, raw SQL). One bump per statement (a statement that changes no
-- row bumps it too: a needless cache miss, never a stale hit).
-- BEFORE, not AFTER: the bump locks the version row until commit, so it must come before the
-- statement locks any catalog row. With AFTER, a writer holding row Y would queue for the version
-- row while the holder of the version row queues for Y: a deadlock (see version.test.ts).
INSERT INTO "CatalogVersion" ("id", "version") VALUES (1, 1);

CREATE FUNCTION "catalog_version_bump"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "CatalogVersion" SET "version" = "version" + 1 WHERE "id" = 1;
    RETURN NULL;
END;
$$;

CREATE TRIGGER "Framework_catalog_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Framework"
    FOR EACH STATEMENT EXECUTE FUNCTION "catalog_version_bump"();

CREATE TRIGGER "Membership_catalog_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Membership"
    FOR EACH STATEMENT EXECUTE FUNCTION "catalog_version_bump"();

CREATE TRIGGER "Dimension_catalog_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Dimension"
    FOR EACH STATEMENT EXECUTE FUNCTION "catalog_version_bump"();

CREATE TRIGGER "AttributeValue_catalog_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "AttributeValue"
    FOR EACH STATEMENT EXECUTE FUNCTION "catalog_version_bump"();

CREATE TRIGGER "Source_catalog_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Source"
    FOR EACH STATEMENT EXECUTE FUNCTION "catalog_version_bump"();
