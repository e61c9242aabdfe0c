import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createDb, type Db } from "@/lib/db";
import { migrate } from "@/lib/db/migrate";
import type { DbProvider } from "@/lib/db/url";

/** The PostgreSQL server tests use; each test file gets its own throwaway database on it. */
export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export const PROVIDERS: DbProvider[] = ["sqlite", "postgresql"];

export type TestDatabase = { provider: DbProvider; url: string; db: Db; drop: () => Promise<void> };

function withDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Creates an empty database (a temp SQLite file, or a new PostgreSQL database) and returns its URL. */
export async function createEmptyDatabase(provider: DbProvider): Promise<{ url: string; drop: () => Promise<void> }> {
  if (provider === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "briefing-test-"));
    return {
      url: `file:${path.join(dir, "test.db")}`,
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  return {
    url: withDatabase(TEST_POSTGRES_URL, name),
    drop: async () => {
      const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

/** A migrated throwaway database with a client; `drop()` disconnects and deletes it. */
export async function createTestDatabase(provider: DbProvider): Promise<TestDatabase> {
  const empty = await createEmptyDatabase(provider);
  await migrate(empty.url);
  const db = createDb(empty.url);
  return {
    provider,
    url: empty.url,
    db,
    drop: async () => {
      await db.$disconnect();
      await empty.drop();
    },
  };
}
