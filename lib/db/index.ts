import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
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

/** Builds a client for a database URL: a postgres URL uses PostgreSQL, a file: URL uses SQLite. */
export function createDb(databaseUrl: string): Db {
  const provider = providerOf(databaseUrl);
  let db: Db;
  if (provider === "postgresql") {
    const adapter = new PrismaPg({ connectionString: databaseUrl, max: 10 });
    db = new PostgresClient({ adapter }) as unknown as Db;
  } else {
    // timeout = busy timeout: wait for another connection's write lock instead of failing at once.
    const adapter = new PrismaBetterSQLite3({ url: sqlitePath(databaseUrl), timeout: 10_000 });
    db = new SqliteClient({ adapter });
  }
  Object.defineProperty(db, PROVIDER, { value: provider });
  return db;
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
