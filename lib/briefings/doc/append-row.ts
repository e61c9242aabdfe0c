import type BetterSqlite3 from "better-sqlite3";
import { type Db, dbDriver } from "@/lib/db";

// The log's hot path: one INSERT per batch of keystrokes (every 20 ms while someone types). Through
// Prisma each one is compiled by its query compiler (and on SQLite wrapped in an interactive
// transaction), which cost the collaboration server about twice the reference server's CPU per
// update. Here it is one statement prepared once per connection. Everything else in the log
// (load, compaction, content) stays on Prisma.

const INSERT = 'INSERT INTO "BriefingUpdate" ("briefingId", "data", "createdAt") VALUES (?, ?, ?) RETURNING "id"';
const PG_INSERT = {
  name: "briefing-update-append",
  text: 'INSERT INTO "BriefingUpdate" ("briefingId", "data", "createdAt") VALUES ($1, $2, $3) RETURNING "id"',
};

const statements = new WeakMap<
  BetterSqlite3.Database,
  { insert: BetterSqlite3.Statement; commit: BetterSqlite3.Statement }
>();

/**
 * Appends one row to BriefingUpdate and resolves with its id once committed. `createdAt` is written
 * as Prisma writes it (SQLite: ISO 8601 text with +00:00; PostgreSQL: UTC), since the database's
 * own default would have another format (SQLite) or time zone (PostgreSQL) and listStaleContent
 * compares it with contentUpdatedAt.
 */
export async function appendRow(db: Db, briefingId: string, data: Uint8Array): Promise<number> {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const now = new Date();
  const driver = dbDriver(db);
  if (driver.provider === "postgresql") {
    const result = await driver.pool.query<{ id: number }>({
      ...PG_INSERT,
      values: [briefingId, bytes, now.toISOString()],
    });
    return result.rows[0]!.id;
  }
  const { adapter, database } = await driver.connection();
  let prepared = statements.get(database);
  if (!prepared) {
    prepared = { insert: database.prepare(INSERT), commit: database.prepare("COMMIT") };
    statements.set(database, prepared);
  }
  // startTransaction waits for the adapter's lock (held by any open interactive transaction, e.g. a
  // compaction) and runs BEGIN; the transaction's commit() only releases that lock.
  const transaction = await adapter.startTransaction();
  try {
    const row = prepared.insert.get(briefingId, bytes, now.toISOString().replace("Z", "+00:00")) as { id: bigint };
    prepared.commit.run();
    return Number(row.id);
  } catch (error) {
    if (database.inTransaction) database.exec("ROLLBACK");
    throw error;
  } finally {
    await transaction.commit();
  }
}
