import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { env } from "@/lib/env";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { type DbProvider, providerOf, sqlitePath } from "./url";

/**
 * The application's database client. Both generated clients come from one model, so their query
 * APIs are the same; the SQLite client's type stands for both.
 */
export type Db = SqliteClient;
export type { DbProvider };
export { providerOf };

// A registered symbol, not a module-level map: the server entry (tsx) and Next's bundle load this
// module separately but share the client through globalThis.
const PROVIDER = Symbol.for("briefing-editor.dbProvider");
const DRIVER = Symbol.for("briefing-editor.dbDriver");

type SqliteAdapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;

/**
 * The connection under a client, for the few statements that skip Prisma's query compiler (the
 * Yjs log's append, run for every batch of keystrokes). SQLite: the driver adapter's connection
 * and its `startTransaction`, which waits for the adapter's lock, so a raw statement cannot land
 * inside another caller's open interactive transaction. PostgreSQL: the client's pool.
 */
export type DbDriver =
  | { provider: "sqlite"; connection: () => Promise<{ adapter: SqliteAdapter; database: BetterSqlite3.Database }> }
  | { provider: "postgresql"; pool: pg.Pool };

/** Builds a client for a database URL: a postgres URL uses PostgreSQL, a file: URL uses SQLite. */
export function createDb(databaseUrl: string): Db {
  const provider = providerOf(databaseUrl);
  let db: Db;
  let driver: DbDriver;
  if (provider === "postgresql") {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
    db = new PostgresClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) }) as unknown as Db;
    driver = { provider, pool };
  } else {
    // timeout = busy timeout: wait for another connection's write lock instead of failing at once.
    const factory = new PrismaBetterSQLite3({ url: sqlitePath(databaseUrl), timeout: 10_000 });
    // Prisma opens the connection through the factory (on first use, again after $disconnect):
    // remember the adapter it gets so raw statements share its connection and its lock.
    let connected: Promise<SqliteAdapter> | undefined;
    const capturing: Pick<PrismaBetterSQLite3, "provider" | "adapterName" | "connect" | "connectToShadowDb"> = {
      provider: factory.provider,
      adapterName: factory.adapterName,
      connect: () => {
        connected = factory.connect();
        return connected;
      },
      connectToShadowDb: () => factory.connectToShadowDb(),
    };
    const sqlite = new SqliteClient({ adapter: capturing });
    db = sqlite;
    driver = {
      provider,
      connection: async () => {
        if (!connected) await sqlite.$connect();
        const adapter = await connected!;
        // The adapter keeps its better-sqlite3 connection in `client` (not part of its types).
        return { adapter, database: (adapter as unknown as { client: BetterSqlite3.Database }).client };
      },
    };
  }
  Object.defineProperty(db, PROVIDER, { value: provider });
  Object.defineProperty(db, DRIVER, { value: driver });
  return db;
}

/** The connection under a client made by createDb (see DbDriver). */
export function dbDriver(db: Db): DbDriver {
  const driver = (db as unknown as Record<symbol, DbDriver | undefined>)[DRIVER];
  if (!driver) throw new Error("dbDriver: client was not made by createDb");
  return driver;
}

/** Which database a client talks to. */
export function dbProvider(db: Db): DbProvider {
  const provider = (db as unknown as Record<symbol, DbProvider | undefined>)[PROVIDER];
  if (!provider) throw new Error("dbProvider: client was not made by createDb");
  return provider;
}

const globalForDb = globalThis as unknown as { __db?: Db };

/** The process-wide client for DATABASE_URL (kept on globalThis so dev reloads reuse it). */
export function getDb(): Db {
  globalForDb.__db ??= createDb(env().DATABASE_URL.url);
  return globalForDb.__db;
}
