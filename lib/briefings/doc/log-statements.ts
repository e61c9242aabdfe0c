import Database from "better-sqlite3";
import pg from "pg";
import { dbDriver } from "@/lib/db/driver";
import { type DbProvider, providerOf, SQLITE_BUSY_TIMEOUT_MS, sqlitePath } from "@/lib/db/url";

// Every statement of the Yjs log (update-log.ts), in SQL for both databases, on a LogConnection:
// either the connection under the app's Prisma client (logConnectionOf) or one of the log's own
// (openLogConnection, the briefing store's worker thread, which so never loads Prisma: its
// runtime, query compiler and WebAssembly memory cost that thread ~45 MB). The statements skip
// Prisma on the app's client too: the append runs once per batch of keystrokes, and Prisma
// returns Bytes columns slowly (as arrays of numbers).

/** Briefing.yState and what the log needs with it. */
export type SnapshotRow = { snapshot: Uint8Array | null; version: number; through: number; deleted: boolean };
/** One BriefingUpdate row. */
export type LogRow = { id: number; data: Uint8Array };

/**
 * Where the log's statements run. `exclusive` runs `work` with the connection to itself: nothing
 * else runs a statement on it until `work` settles (on SQLite a transaction is per connection, so
 * a compaction's BEGIN ... COMMIT must not take in another caller's statements).
 */
export type LogConnection =
  | {
      provider: "sqlite";
      exclusive<T>(work: (database: Database.Database) => T | Promise<T>): Promise<T>;
      close(): Promise<void>;
    }
  | { provider: "postgresql"; pool(): Promise<pg.Pool>; close(): Promise<void> };

/**
 * The log's connection over the app's Prisma client (made by createDb). On SQLite, the adapter's
 * startTransaction is the lock of its connection (held by any open interactive transaction on
 * it): it is taken, the BEGIN it issues is ended at once, and `work` runs its own statements.
 * Closing it leaves the client open.
 */
export function logConnectionOf(db: object): LogConnection {
  const driver = dbDriver(db);
  if (driver.provider === "postgresql") {
    return { provider: "postgresql", pool: async () => (await driver.connection()).pool, close: async () => {} };
  }
  return {
    provider: "sqlite",
    async exclusive(work) {
      const { adapter, database } = await driver.connection();
      const transaction = await adapter.startTransaction();
      try {
        database.exec("COMMIT");
        return await work(database);
      } finally {
        await transaction.commit(); // only releases the lock: its BEGIN was committed above
      }
    },
    close: async () => {},
  };
}

/** A connection of the log's own to `databaseUrl` (closed with close()). */
export function openLogConnection(databaseUrl: string): LogConnection {
  if (providerOf(databaseUrl) === "postgresql") {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
    return { provider: "postgresql", pool: async () => pool, close: () => pool.end() };
  }
  let database: Database.Database | undefined;
  let queue: Promise<void> = Promise.resolve();
  return {
    provider: "sqlite",
    // An async function awaiting `work` (not a .then chain), so an error's stack goes on through
    // the log's callers (async stack traces follow awaits).
    async exclusive(work) {
      const previous = queue;
      let release = () => {};
      queue = new Promise((resolve) => {
        release = resolve;
      });
      await previous;
      try {
        database ??= new Database(sqlitePath(databaseUrl), { timeout: SQLITE_BUSY_TIMEOUT_MS });
        return await work(database);
      } finally {
        release();
      }
    },
    close: async () => {
      await queue;
      database?.close();
      database = undefined;
    },
  };
}

const SQL = {
  append: 'INSERT INTO "BriefingUpdate" ("briefingId", "data", "createdAt") VALUES (?, ?, ?) RETURNING "id"',
  rows: 'SELECT "id", "data" FROM "BriefingUpdate" WHERE "briefingId" = ? AND "id" > ? ORDER BY "id"',
  snapshot: `SELECT "yState" AS "state", "yStateVersion" AS "version", "yStateThrough" AS "through",
    ("deletedAt" IS NOT NULL) AS "deleted" FROM "Briefing" WHERE "id" = ?`,
  version: 'SELECT "yStateVersion" AS "version" FROM "Briefing" WHERE "id" = ?',
  writeSnapshot: `UPDATE "Briefing" SET "yState" = ?, "yStateThrough" = ?, "yStateVersion" = ?
    WHERE "id" = ? AND "yStateVersion" = ?`,
  contentJson: 'SELECT "contentJson" AS "json" FROM "Briefing" WHERE "id" = ?',
  writeContent: `UPDATE "Briefing" SET "contentJson" = ?, "contentText" = ?, "contentUpdatedAt" = ?, "updatedAt" = ?
    WHERE "id" = ?`,
  // Briefings whose newest log row is not older than their derived content (see stale-content.ts).
  stale: `SELECT b."id" AS "id" FROM "Briefing" b
    JOIN (SELECT "briefingId", MAX("createdAt") AS "newest" FROM "BriefingUpdate" GROUP BY "briefingId") u
      ON u."briefingId" = b."id"
    WHERE b."deletedAt" IS NULL AND (b."contentUpdatedAt" IS NULL OR u."newest" >= b."contentUpdatedAt")
    ORDER BY b."id"`,
};
type Statement = keyof typeof SQL;

/** `?` placeholders numbered for PostgreSQL. */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}
const PG = Object.fromEntries(
  Object.entries(SQL).map(([name, text]) => [name, { name: `briefing-log-${name}`, text: numbered(text) }]),
) as Record<Statement, { name: string; text: string }>;

const prepared = new WeakMap<Database.Database, Map<Statement, Database.Statement>>();

function sqliteStatement(database: Database.Database, name: Statement): Database.Statement {
  let statements = prepared.get(database);
  if (!statements) {
    statements = new Map();
    prepared.set(database, statements);
  }
  let statement = statements.get(name);
  if (!statement) {
    statement = database.prepare(SQL[name]);
    statements.set(name, statement);
  }
  return statement;
}

/** Where a statement runs: a SQLite connection held exclusively, or a PostgreSQL pool or client. */
type Target =
  | { provider: "sqlite"; database: Database.Database }
  | { provider: "postgresql"; client: pg.ClientBase | pg.Pool };

async function query<T>(target: Target, name: Statement, values: unknown[]): Promise<T[]> {
  if (target.provider === "postgresql") return (await target.client.query({ ...PG[name], values })).rows as T[];
  const statement = sqliteStatement(target.database, name);
  return (statement.reader ? statement.all(...values) : [statement.run(...values)]) as T[];
}

async function changes(target: Target, name: Statement, values: unknown[]): Promise<number> {
  if (target.provider === "postgresql") return (await target.client.query({ ...PG[name], values })).rowCount ?? 0;
  return sqliteStatement(target.database, name).run(...values).changes;
}

/** Runs one statement (or a few, without a transaction) on the connection. */
async function onConnection<T>(connection: LogConnection, work: (target: Target) => Promise<T>): Promise<T> {
  if (connection.provider === "postgresql")
    return await work({ provider: "postgresql", client: await connection.pool() });
  return await connection.exclusive((database) => work({ provider: "sqlite", database }));
}

/**
 * A time as Prisma writes a DateTime column (SQLite: ISO 8601 text with +00:00; PostgreSQL: UTC),
 * since the log's rows and the derived content's time are compared (listStaleContent) and read by
 * Prisma elsewhere.
 */
function timestamp(provider: DbProvider, date = new Date()): string {
  const iso = date.toISOString();
  return provider === "sqlite" ? iso.replace("Z", "+00:00") : iso;
}

const bytesOf = (buffer: Buffer): Uint8Array => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
const bufferOf = (data: Uint8Array): Buffer => Buffer.from(data.buffer, data.byteOffset, data.byteLength);

type RawSnapshot = { state: Buffer | null; version: number | bigint; through: number | bigint; deleted: unknown };

function snapshotOf(row: RawSnapshot | undefined): SnapshotRow | null {
  if (!row) return null;
  return {
    snapshot: row.state ? bytesOf(row.state) : null,
    version: Number(row.version),
    through: Number(row.through),
    deleted: Boolean(Number(row.deleted)),
  };
}

const rowsOf = (rows: { id: number | bigint; data: Buffer }[]): LogRow[] =>
  rows.map((row) => ({ id: Number(row.id), data: bytesOf(row.data) }));

/** Appends one row to BriefingUpdate and resolves with its id once committed. */
export async function appendRow(connection: LogConnection, briefingId: string, data: Uint8Array): Promise<number> {
  return await onConnection(connection, async (target) => {
    const [row] = await query<{ id: number | bigint }>(target, "append", [
      briefingId,
      bufferOf(data),
      timestamp(target.provider),
    ]);
    return Number(row!.id);
  });
}

/** Reads a briefing's snapshot row (committed state only); null when the briefing does not exist. */
export function readSnapshotRow(connection: LogConnection, briefingId: string): Promise<SnapshotRow | null> {
  return onConnection(connection, async (target) =>
    snapshotOf((await query<RawSnapshot>(target, "snapshot", [briefingId]))[0]),
  );
}

/** A briefing's snapshot version (Briefing.yStateVersion); null when the briefing does not exist. */
export function readSnapshotVersion(connection: LogConnection, briefingId: string): Promise<number | null> {
  return onConnection(connection, async (target) => {
    const [row] = await query<{ version: number | bigint }>(target, "version", [briefingId]);
    return row ? Number(row.version) : null;
  });
}

/** A briefing's log rows with ids above `afterId`, oldest first. */
export function readRows(connection: LogConnection, briefingId: string, afterId = 0): Promise<LogRow[]> {
  return onConnection(connection, async (target) =>
    rowsOf(await query<{ id: number | bigint; data: Buffer }>(target, "rows", [briefingId, afterId])),
  );
}

/** The derived JSON stored for a briefing (null when none or no such briefing). */
export function readContentJson(connection: LogConnection, briefingId: string): Promise<string | null> {
  return onConnection(connection, async (target) => {
    const [row] = await query<{ json: string | null }>(target, "contentJson", [briefingId]);
    return row?.json ?? null;
  });
}

/** Stores a briefing's derived JSON and text, stamping contentUpdatedAt and updatedAt. */
export function writeContentRow(
  connection: LogConnection,
  briefingId: string,
  json: string,
  text: string,
): Promise<void> {
  return onConnection(connection, async (target) => {
    const now = timestamp(target.provider);
    await changes(target, "writeContent", [json, text, now, now, briefingId]);
  });
}

/** Ids of briefings (not deleted) whose newest log row is not older than their derived content. */
export function readStaleContentIds(connection: LogConnection): Promise<string[]> {
  return onConnection(connection, async (target) =>
    (await query<{ id: string }>(target, "stale", [])).map((row) => row.id),
  );
}

/** The statements of one compaction, inside its transaction. */
export type CompactionTransaction = {
  /** PostgreSQL: takes the briefing's transaction-scoped advisory lock; false when another holds it. */
  tryLock(): Promise<boolean>;
  snapshot(): Promise<SnapshotRow | null>;
  rows(): Promise<LogRow[]>;
  /** Writes the snapshot if yStateVersion is still `read.version`; resolves with the rows changed. */
  writeSnapshot(read: SnapshotRow, snapshot: Uint8Array, through: number): Promise<number>;
  deleteRows(ids: number[]): Promise<void>;
};

/** Thrown by a compaction's `work` to roll its transaction back with a result. */
export class Rollback<T> extends Error {
  constructor(readonly result: T) {
    super("rollback");
  }
}

/**
 * Runs `work` in one transaction (SQLite: BEGIN IMMEDIATE, so the write lock is taken before the
 * reads and no other writer can slip in between them and the writes). Commits when it resolves,
 * rolls back when it throws (a Rollback resolves with its result).
 */
export async function inCompaction<T>(
  connection: LogConnection,
  briefingId: string,
  work: (tx: CompactionTransaction) => Promise<T>,
): Promise<T> {
  if (connection.provider === "sqlite") {
    return connection.exclusive(async (database) => {
      database.exec("BEGIN IMMEDIATE");
      return finish(work(compactionOn({ provider: "sqlite", database }, briefingId)), {
        commit: async () => void database.exec("COMMIT"),
        rollback: async () => {
          if (database.inTransaction) database.exec("ROLLBACK");
        },
      });
    });
  }
  const client = await (await connection.pool()).connect();
  try {
    await client.query("BEGIN");
    return await finish(work(compactionOn({ provider: "postgresql", client }, briefingId)), {
      commit: async () => void (await client.query("COMMIT")),
      rollback: async () => void (await client.query("ROLLBACK")),
    });
  } finally {
    client.release();
  }
}

async function finish<T>(result: Promise<T>, end: { commit(): Promise<void>; rollback(): Promise<void> }): Promise<T> {
  let value: T;
  try {
    value = await result;
  } catch (error) {
    await end.rollback();
    if (error instanceof Rollback) return error.result as T;
    throw error;
  }
  await end.commit();
  return value;
}

const DELETE_CHUNK = 500;

function compactionOn(target: Target, briefingId: string): CompactionTransaction {
  return {
    async tryLock() {
      if (target.provider !== "postgresql") return true;
      const { rows } = await target.client.query<{ locked: boolean }>(
        "SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked",
        [briefingId],
      );
      return rows[0]?.locked === true;
    },
    snapshot: async () => snapshotOf((await query<RawSnapshot>(target, "snapshot", [briefingId]))[0]),
    rows: async () => rowsOf(await query<{ id: number | bigint; data: Buffer }>(target, "rows", [briefingId, 0])),
    writeSnapshot: (read, snapshot, through) =>
      changes(target, "writeSnapshot", [bufferOf(snapshot), through, read.version + 1, briefingId, read.version]),
    async deleteRows(ids) {
      for (let i = 0; i < ids.length; i += DELETE_CHUNK) {
        const chunk = ids.slice(i, i + DELETE_CHUNK);
        if (target.provider === "postgresql") {
          await target.client.query('DELETE FROM "BriefingUpdate" WHERE "id" = ANY($1::int[])', [chunk]);
        } else {
          const placeholders = chunk.map(() => "?").join(",");
          target.database.prepare(`DELETE FROM "BriefingUpdate" WHERE "id" IN (${placeholders})`).run(...chunk);
        }
      }
    },
  };
}
