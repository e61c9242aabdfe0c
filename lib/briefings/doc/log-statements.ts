import type BetterSqlite3 from "better-sqlite3";
import { type Db, dbDriver } from "@/lib/db";

// The log's hot statements, run on the connection under the Prisma client (see DbDriver) instead
// of through Prisma: the append, once per batch of keystrokes (every 20 ms while someone types),
// which Prisma compiled each time in its query compiler (and on SQLite wrapped in an interactive
// transaction): about twice the reference server's CPU per update; and the reads of a briefing's
// snapshot and log rows when it is opened or caught up, which Prisma returns slowly for Bytes (as
// arrays of numbers; the snapshot was read as hex text to avoid that: a few hundred KB encoded,
// copied and decoded on the way to the first screen). Each is prepared once per connection.
// Compaction, derived content and everything else stay on Prisma.

/** Briefing.yState and what the log needs with it. */
export type SnapshotRow = { snapshot: Uint8Array | null; version: number; through: number; deleted: boolean };

const SQL = {
  append: 'INSERT INTO "BriefingUpdate" ("briefingId", "data", "createdAt") VALUES (?, ?, ?) RETURNING "id"',
  rows: 'SELECT "id", "data" FROM "BriefingUpdate" WHERE "briefingId" = ? AND "id" > ? ORDER BY "id"',
  snapshot: `SELECT "yState" AS "state", "yStateVersion" AS "version", "yStateThrough" AS "through",
    ("deletedAt" IS NOT NULL) AS "deleted" FROM "Briefing" WHERE "id" = ?`,
};
const PG = {
  append: {
    name: "briefing-update-append",
    text: 'INSERT INTO "BriefingUpdate" ("briefingId", "data", "createdAt") VALUES ($1, $2, $3) RETURNING "id"',
  },
  rows: { name: "briefing-update-rows", text: SQL.rows.replace("?", "$1").replace("?", "$2") },
  snapshot: { name: "briefing-snapshot-read", text: SQL.snapshot.replace("?", "$1") },
};

type RawSnapshot = { state: Buffer | null; version: number | bigint; through: number | bigint; deleted: unknown };
type Prepared = Record<keyof typeof SQL | "commit", BetterSqlite3.Statement>;
const prepared = new WeakMap<BetterSqlite3.Database, Prepared>();

/**
 * Appends one row to BriefingUpdate and resolves with its id once committed. `createdAt` is written
 * as Prisma writes it (SQLite: ISO 8601 text with +00:00; PostgreSQL: UTC), since the database's
 * own default would have another format (SQLite) or time zone (PostgreSQL) and listStaleContent
 * compares it with contentUpdatedAt.
 */
export async function appendRow(db: Db, briefingId: string, data: Uint8Array): Promise<number> {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const now = new Date().toISOString();
  const driver = dbDriver(db);
  if (driver.provider === "postgresql") {
    const { pool } = await driver.connection();
    const result = await pool.query<{ id: number }>({ ...PG.append, values: [briefingId, bytes, now] });
    return result.rows[0]!.id;
  }
  const row = await onSqlite(db, (statements) => statements.append.get(briefingId, bytes, now.replace("Z", "+00:00")));
  return Number((row as { id: bigint }).id);
}

/** Reads a briefing's snapshot row (committed state only); null when the briefing does not exist. */
export async function readSnapshotRow(db: Db, briefingId: string): Promise<SnapshotRow | null> {
  const driver = dbDriver(db);
  const row =
    driver.provider === "postgresql"
      ? (await (await driver.connection()).pool.query<RawSnapshot>({ ...PG.snapshot, values: [briefingId] })).rows[0]
      : ((await onSqlite(db, (statements) => statements.snapshot.get(briefingId))) as RawSnapshot | undefined);
  if (!row) return null;
  return {
    snapshot: row.state ? bytesOf(row.state) : null,
    version: Number(row.version),
    through: Number(row.through),
    deleted: Boolean(Number(row.deleted)),
  };
}

/** A briefing's log rows with ids above `afterId`, oldest first. */
export async function readRows(db: Db, briefingId: string, afterId = 0): Promise<{ id: number; data: Uint8Array }[]> {
  const driver = dbDriver(db);
  const rows =
    driver.provider === "postgresql"
      ? (
          await (
            await driver.connection()
          ).pool.query<{ id: number; data: Buffer }>({ ...PG.rows, values: [briefingId, afterId] })
        ).rows
      : ((await onSqlite(db, (statements) => statements.rows.all(briefingId, afterId))) as {
          id: bigint;
          data: Buffer;
        }[]);
  return rows.map((row) => ({ id: Number(row.id), data: bytesOf(row.data) }));
}

function bytesOf(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/**
 * Runs `statement` on the SQLite adapter's connection in a transaction of its own. The adapter's
 * startTransaction waits for its lock (held by any open interactive transaction on the connection,
 * e.g. a compaction, whose uncommitted writes this would otherwise see or be rolled back with)
 * and runs BEGIN; the transaction's commit() only releases that lock.
 */
async function onSqlite<T>(db: Db, statement: (statements: Prepared) => T): Promise<T> {
  const driver = dbDriver(db);
  if (driver.provider !== "sqlite") throw new Error("onSqlite: not a SQLite client");
  const { adapter, database } = await driver.connection();
  let statements = prepared.get(database);
  if (!statements) {
    statements = {
      append: database.prepare(SQL.append),
      rows: database.prepare(SQL.rows),
      snapshot: database.prepare(SQL.snapshot),
      commit: database.prepare("COMMIT"),
    };
    prepared.set(database, statements);
  }
  const transaction = await adapter.startTransaction();
  try {
    const result = statement(statements);
    statements.commit.run();
    return result;
  } catch (error) {
    if (database.inTransaction) database.exec("ROLLBACK");
    throw error;
  } finally {
    await transaction.commit();
  }
}
