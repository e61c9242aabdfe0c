import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type BetterSqlite3 from "better-sqlite3";
import type pg from "pg";
import { env } from "@/lib/env";
import { type Adapter, attachDriver, type DbDriver, dbDriver, dbProvider } from "./driver";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { type DbProvider, providerOf, SQLITE_BUSY_TIMEOUT_MS, sqlitePath } from "./url";

/**
 * The application's database client. Both generated clients come from one model, so their query
 * APIs are the same; the SQLite client's type stands for both.
 */
export type Db = SqliteClient;
export type { DbProvider };
export { type DbDriver, dbDriver, dbProvider, providerOf };

type AdapterFactory = Pick<PrismaBetterSQLite3, "provider" | "adapterName" | "connect" | "connectToShadowDb">;

/**
 * Wraps an adapter factory to remember the adapter Prisma opens through it (on first use, again
 * after $disconnect). `current` resolves with that adapter, opening one when there is none or
 * `isOpen` says it was closed.
 */
function capturing(factory: AdapterFactory, isOpen: (adapter: Adapter) => boolean) {
  let connected: Promise<Adapter> | undefined;
  const wrapped: AdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => {
      connected = factory.connect();
      return connected;
    },
    connectToShadowDb: () => factory.connectToShadowDb(),
  };
  const current = async (client: { $connect(): Promise<void> }): Promise<Adapter> => {
    if (!connected || !isOpen(await connected)) await client.$connect();
    return connected!;
  };
  return { factory: wrapped, current };
}

// The adapters keep their connection in `client` (not part of their types).
const sqliteOf = (adapter: Adapter) => (adapter as unknown as { client: BetterSqlite3.Database }).client;
const poolOf = (adapter: Adapter) => (adapter as unknown as { client: pg.Pool }).client;

/** Builds a client for a database URL: a postgres URL uses PostgreSQL, a file: URL uses SQLite. */
export function createDb(databaseUrl: string): Db {
  const provider = providerOf(databaseUrl);
  let db: Db;
  let driver: DbDriver;
  if (provider === "postgresql") {
    const pgFactory = new PrismaPg({ connectionString: databaseUrl, max: 10 });
    const { factory, current } = capturing(pgFactory as unknown as AdapterFactory, (a) => !poolOf(a).ended);
    db = new PostgresClient({ adapter: factory as unknown as PrismaPg }) as unknown as Db;
    const client = db;
    driver = {
      provider,
      connection: async () => ({ adapter: await current(client), pool: poolOf(await current(client)) }),
    };
  } else {
    // timeout = busy timeout: wait for another connection's write lock instead of failing at once.
    const sqliteFactory = new PrismaBetterSQLite3({ url: sqlitePath(databaseUrl), timeout: SQLITE_BUSY_TIMEOUT_MS });
    const { factory, current } = capturing(sqliteFactory, (a) => sqliteOf(a).open);
    db = new SqliteClient({ adapter: factory });
    const client = db;
    driver = {
      provider,
      connection: async () => {
        const adapter = await current(client);
        return { adapter, database: sqliteOf(adapter) };
      },
    };
  }
  attachDriver(db, driver);
  return db;
}

const globalForDb = globalThis as unknown as { __db?: Db };

/** The process-wide client for DATABASE_URL (kept on globalThis so dev reloads reuse it). */
export function getDb(): Db {
  globalForDb.__db ??= createDb(env().DATABASE_URL.url);
  return globalForDb.__db;
}
