import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importCatalog } from "@/lib/catalog/exchange";
import { sqlitePath } from "@/lib/db/url";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { buildCatalog, buildUser } from "@/lib/test/fixtures";
import { getCatalogVersion } from "./version";

type Write = (t: TestDatabase) => Promise<unknown>;
type TableCase = { table: string; insert: Write; update: Write; delete: Write };

const frameworkData = (slug: string) => ({
  slug,
  name: slug,
  kind: "forum",
  region: "global",
  status: "active",
  summary: "Version test.",
  searchText: slug,
});

// Rows the cases hang off, created once per database in beforeAll.
let frameworkId = "";
let dimensionId = "";
let attributeValueId = "";
let spareDimensionId = "";

const TABLES: TableCase[] = [
  {
    table: "Framework",
    insert: (t) => t.db.framework.create({ data: frameworkData("version-fw") }),
    update: (t) => t.db.framework.update({ where: { slug: "version-fw" }, data: { name: "Renamed" } }),
    delete: (t) => t.db.framework.delete({ where: { slug: "version-fw" } }),
  },
  {
    table: "Membership",
    insert: (t) =>
      t.db.membership.create({ data: { id: "m-version", frameworkId, country: "ITA", role: "member", position: 9 } }),
    update: (t) => t.db.membership.update({ where: { id: "m-version" }, data: { role: "partner" } }),
    delete: (t) => t.db.membership.delete({ where: { id: "m-version" } }),
  },
  {
    table: "Dimension",
    insert: (t) =>
      t.db.dimension.create({
        data: { key: "version_dim", label: "Version", group: "Scope", valueType: "text", position: 9 },
      }),
    update: (t) => t.db.dimension.update({ where: { key: "version_dim" }, data: { label: "Relabelled" } }),
    delete: (t) => t.db.dimension.delete({ where: { key: "version_dim" } }),
  },
  {
    table: "AttributeValue",
    insert: (t) =>
      t.db.attributeValue.create({
        data: { id: "av-version", frameworkId, dimensionId: spareDimensionId, value: "x" },
      }),
    update: (t) => t.db.attributeValue.update({ where: { id: "av-version" }, data: { value: "y" } }),
    delete: (t) => t.db.attributeValue.delete({ where: { id: "av-version" } }),
  },
  {
    table: "Source",
    insert: (t) =>
      t.db.source.create({
        data: { id: "s-version", attributeValueId, title: "T", url: "https://example.org/v", position: 9 },
      }),
    update: (t) => t.db.source.update({ where: { id: "s-version" }, data: { title: "Retitled" } }),
    delete: (t) => t.db.source.delete({ where: { id: "s-version" } }),
  },
];

/** Writes through a connection of its own, as a script with better-sqlite3 or pg would. */
async function writeOutsidePrisma(t: TestDatabase, sql: string) {
  if (t.provider === "sqlite") {
    const sqlite = new Database(sqlitePath(t.url));
    try {
      sqlite.exec(sql);
    } finally {
      sqlite.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: t.url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe.each(PROVIDERS)("catalog version on %s", (provider) => {
  let t: TestDatabase;
  /** How much `write` moved the version. */
  const bumpOf = async (write: () => Promise<unknown>) => {
    const before = await getCatalogVersion(t.db);
    await write();
    return (await getCatalogVersion(t.db)) - before;
  };

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    await importCatalog(t.db, buildCatalog());
    const value = await t.db.attributeValue.findFirstOrThrow({
      select: { id: true, frameworkId: true, dimensionId: true },
    });
    ({ frameworkId, dimensionId, id: attributeValueId } = value);
    spareDimensionId = (
      await t.db.dimension.create({
        data: { key: "spare_dim", label: "Spare", group: "Scope", valueType: "text", position: 8 },
      })
    ).id;
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("starts at a positive integer on a freshly migrated database", async () => {
    const version = await getCatalogVersion(t.db);
    expect(Number.isInteger(version)).toBe(true);
    expect(version).toBeGreaterThan(0);
  });

  it.each(TABLES)("goes up on every insert, update and delete of $table", async (c) => {
    expect(await bumpOf(() => c.insert(t))).toBeGreaterThan(0);
    expect(await bumpOf(() => c.update(t))).toBeGreaterThan(0);
    expect(await bumpOf(() => c.delete(t))).toBeGreaterThan(0);
  });

  it("goes up on raw SQL through Prisma and on writes from another connection", async () => {
    const rawInsert = `INSERT INTO "Membership" ("id", "frameworkId", "country", "role", "position")
      VALUES ('m-raw', '${frameworkId}', 'ESP', 'member', 7)`;
    expect(await bumpOf(() => t.db.$executeRawUnsafe(rawInsert))).toBeGreaterThan(0);
    expect(
      await bumpOf(() => t.db.$executeRawUnsafe(`UPDATE "Framework" SET "name" = 'Raw' WHERE "id" = '${frameworkId}'`)),
    ).toBeGreaterThan(0);
    expect(
      await bumpOf(() =>
        writeOutsidePrisma(t, `UPDATE "AttributeValue" SET "note" = 'raw' WHERE "id" = '${attributeValueId}'`),
      ),
    ).toBeGreaterThan(0);
    expect(await bumpOf(() => writeOutsidePrisma(t, `DELETE FROM "Membership" WHERE "id" = 'm-raw'`))).toBeGreaterThan(
      0,
    );
  });

  it("goes up on a multi-row createMany", async () => {
    const frameworks = Array.from({ length: 50 }, (_, i) => ({ id: `fw-many-${i}`, ...frameworkData(`many-${i}`) }));
    await t.db.framework.createMany({ data: frameworks });
    const values = frameworks.map((f) => ({ frameworkId: f.id, dimensionId, value: "true" }));
    expect(await bumpOf(() => t.db.attributeValue.createMany({ data: values }))).toBeGreaterThan(0);
    expect(await t.db.attributeValue.count({ where: { frameworkId: { startsWith: "fw-many-" } } })).toBe(50);
  });

  it("stays put on reads and on writes to tables outside the catalog", async () => {
    const reads = async () => {
      await t.db.framework.findMany({ include: { members: true, attributes: { include: { sources: true } } } });
      await t.db.dimension.findMany();
      await t.db.$queryRawUnsafe(`SELECT COUNT(*) FROM "Source"`);
    };
    const others = async () => {
      const owner = await t.db.user.create({ data: buildUser() });
      const briefing = await t.db.briefing.create({ data: { title: "B", ownerId: owner.id } });
      await t.db.briefing.update({ where: { id: briefing.id }, data: { title: "B2" } });
      await t.db.catalogChange.create({ data: { entity: "framework", entityKey: "fields", action: "update" } });
      await t.db.briefing.delete({ where: { id: briefing.id } });
      await t.db.user.delete({ where: { id: owner.id } });
    };
    expect(await bumpOf(reads)).toBe(0);
    expect(await bumpOf(others)).toBe(0);
  });

  it("stays put when the writing transaction rolls back", async () => {
    const before = await getCatalogVersion(t.db);
    let inside = before;
    const failing = t.db.$transaction(async (tx) => {
      await tx.framework.update({ where: { id: frameworkId }, data: { name: "Rolled back" } });
      await tx.source.deleteMany({ where: { attributeValueId } });
      inside = (await tx.catalogVersion.findUniqueOrThrow({ where: { id: 1 } })).version;
      throw new Error("abort");
    });
    await expect(failing).rejects.toThrow("abort");
    // The transaction did bump it, so it is the rollback that undid the bump.
    expect(inside).toBeGreaterThan(before);
    expect(await getCatalogVersion(t.db)).toBe(before);
    expect((await t.db.framework.findUniqueOrThrow({ where: { id: frameworkId } })).name).not.toBe("Rolled back");
  });

  it("says so clearly when the row is missing", async () => {
    const { version } = await t.db.catalogVersion.findUniqueOrThrow({ where: { id: 1 } });
    await t.db.catalogVersion.delete({ where: { id: 1 } });
    try {
      await expect(getCatalogVersion(t.db)).rejects.toThrow(/CatalogVersion row id=1 is missing/);
    } finally {
      await t.db.catalogVersion.create({ data: { id: 1, version } });
    }
  });
});

describe("catalog version on postgresql only", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase("postgresql");
    const frameworks = ["fw-x", "fw-y"].map((id) => ({ id, ...frameworkData(id) }));
    await t.db.framework.createMany({ data: frameworks });
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("goes up on TRUNCATE", async () => {
    const before = await getCatalogVersion(t.db);
    await t.db.$executeRawUnsafe(`TRUNCATE "Source"`);
    expect(await getCatalogVersion(t.db)).toBeGreaterThan(before);
  });

  it("serialises concurrent writers without deadlock or lost bumps", async () => {
    const connect = async () => {
      const client = new pg.Client({ connectionString: t.url });
      await client.connect();
      return client;
    };
    const before = await getCatalogVersion(t.db);
    const [a, b] = [await connect(), await connect()];
    try {
      await a.query("BEGIN");
      await a.query(`UPDATE "Framework" SET "name" = 'a' WHERE "id" = 'fw-x'`);
      await b.query("BEGIN");
      const bWrite = b.query(`UPDATE "Framework" SET "name" = 'b' WHERE "id" = 'fw-y'`).then(
        () => "done",
        (error: Error) => error.message,
      );
      // Once B queues behind A's version-row lock, A writes the row B is after. Had B locked that
      // row before queueing (an AFTER trigger), this would be a deadlock.
      const bPid = (b as unknown as { processID: number }).processID;
      let queued = false;
      for (let i = 0; i < 500 && !queued; i++) {
        const waiting = "SELECT 1 FROM pg_stat_activity WHERE pid = $1 AND wait_event_type = 'Lock'";
        queued = (await a.query(waiting, [bPid])).rowCount === 1;
        if (!queued) await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect(queued).toBe(true);
      await a.query(`UPDATE "Framework" SET "name" = 'a' WHERE "id" = 'fw-y'`);
      await a.query("COMMIT");
      expect(await bWrite).toBe("done");
      await b.query("COMMIT");
    } finally {
      await a.end();
      await b.end();
    }
    expect(await getCatalogVersion(t.db)).toBe(before + 3);
  });
});
