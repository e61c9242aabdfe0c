import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createEmptyDatabase, PROVIDERS } from "@/lib/test/databases";
import { migrate } from "./migrate";
import { type DbProvider, sqlitePath } from "./url";

/** The SQL that creates the current model from nothing, straight from the schema (not from migrations). */
function currentModelSql(provider: DbProvider): string {
  return execFileSync(process.execPath, [path.resolve("scripts/prisma.mjs"), "full-sql", provider], {
    encoding: "utf8",
  });
}

type Shape = Record<string, unknown>;

function sqliteShape(url: string): Shape {
  const db = new Database(sqlitePath(url), { readonly: true });
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name <> '_app_migrations' ORDER BY name",
    )
    .all() as { name: string }[];
  const shape: Shape = {};
  for (const { name } of tables) {
    const indexes = (db.prepare(`PRAGMA index_list("${name}")`).all() as { name: string; unique: number }[])
      .map((i) => ({
        unique: i.unique,
        columns: db
          .prepare(`PRAGMA index_info("${i.name}")`)
          .all()
          .map((c) => (c as { name: string }).name),
      }))
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    shape[name] = {
      columns: db.prepare(`PRAGMA table_info("${name}")`).all(),
      indexes,
      // SQLite numbers foreign keys in reverse order of declaration, and a column added later with
      // ALTER TABLE comes last: the order (and so `id`) is not part of the model.
      foreignKeys: (db.prepare(`PRAGMA foreign_key_list("${name}")`).all() as Record<string, unknown>[])
        .map(({ id: _id, ...key }) => key)
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    };
  }
  db.close();
  return shape;
}

async function postgresShape(url: string): Promise<Shape> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const q = async (sql: string) => (await client.query(sql)).rows;
  const shape = {
    columns:
      await q(`SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name <> '_app_migrations' ORDER BY table_name, column_name`),
    indexes: await q(`SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'
      AND tablename <> '_app_migrations' ORDER BY indexname`),
    constraints: await q(`SELECT tc.table_name, tc.constraint_name, tc.constraint_type, rc.delete_rule, rc.update_rule
      FROM information_schema.table_constraints tc LEFT JOIN information_schema.referential_constraints rc
      ON rc.constraint_name = tc.constraint_name WHERE tc.table_schema = 'public' AND tc.table_name <> '_app_migrations'
      AND tc.constraint_type <> 'CHECK' ORDER BY tc.constraint_name`),
  };
  await client.end();
  return shape;
}

async function applyRawSql(provider: DbProvider, url: string, sql: string) {
  if (provider === "sqlite") {
    fs.mkdirSync(path.dirname(sqlitePath(url)), { recursive: true });
    const db = new Database(sqlitePath(url));
    db.exec(sql);
    db.close();
    return;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(sql);
  await client.end();
}

const shapeOf = (provider: DbProvider, url: string) => (provider === "sqlite" ? sqliteShape(url) : postgresShape(url));

describe.each(PROVIDERS)("migrations on %s", (provider) => {
  const drops: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const drop of drops) await drop();
  });

  it("produce exactly the current model", async () => {
    const migrated = await createEmptyDatabase(provider);
    const direct = await createEmptyDatabase(provider);
    drops.push(migrated.drop, direct.drop);

    const applied = await migrate(migrated.url);
    expect(applied.length).toBeGreaterThan(0);
    await applyRawSql(provider, direct.url, currentModelSql(provider));

    const expected = await shapeOf(provider, direct.url);
    expect(Object.keys(expected).length).toBeGreaterThan(0);
    expect(await shapeOf(provider, migrated.url)).toEqual(expected);
  });

  it("are idempotent and refuse a changed migration", async () => {
    const target = await createEmptyDatabase(provider);
    drops.push(target.drop);
    expect((await migrate(target.url)).length).toBeGreaterThan(0);
    expect(await migrate(target.url)).toEqual([]);

    const table = provider === "sqlite" ? '"_app_migrations"' : "_app_migrations";
    await applyRawSql(provider, target.url, `UPDATE ${table} SET checksum = 'tampered'`);
    await expect(migrate(target.url)).rejects.toThrow(/was changed after it was applied/);
  });
});
