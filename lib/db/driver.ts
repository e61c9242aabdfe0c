import type { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type BetterSqlite3 from "better-sqlite3";
import type pg from "pg";
import type { DbProvider } from "./url";

// What createDb (./index.ts) attaches to a client, readable without loading Prisma: the Yjs log's
// statements take either a client's connection or one of their own, and the briefing store's
// worker thread bundles them without pulling Prisma's runtime into that thread.

// A registered symbol, not a module-level map: the server entry (tsx) and Next's bundle load the
// client's module separately but share the client through globalThis.
const PROVIDER = Symbol.for("briefing-editor.dbProvider");
const DRIVER = Symbol.for("briefing-editor.dbDriver");

/** A driver adapter as Prisma gets it from an adapter factory (the same type for both databases). */
export type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;

/**
 * The connection under a client, for the statements that skip Prisma's query compiler (the Yjs
 * log's, lib/briefings/doc/log-statements.ts): the driver adapter Prisma is using right now, with
 * its better-sqlite3 connection (SQLite; run statements inside the adapter's `startTransaction`,
 * which waits for its lock, so they cannot land inside another caller's open interactive
 * transaction) or its pg pool (PostgreSQL).
 */
export type DbDriver =
  | { provider: "sqlite"; connection: () => Promise<{ adapter: Adapter; database: BetterSqlite3.Database }> }
  | { provider: "postgresql"; connection: () => Promise<{ adapter: Adapter; pool: pg.Pool }> };

/** Marks a client made by createDb with its provider and driver. */
export function attachDriver(db: object, driver: DbDriver): void {
  Object.defineProperty(db, PROVIDER, { value: driver.provider });
  Object.defineProperty(db, DRIVER, { value: driver });
}

/** The connection under a client made by createDb (see DbDriver). */
export function dbDriver(db: object): DbDriver {
  const driver = (db as Record<symbol, DbDriver | undefined>)[DRIVER];
  if (!driver) throw new Error("dbDriver: client was not made by createDb");
  return driver;
}

/** Which database a client talks to. */
export function dbProvider(db: object): DbProvider {
  const provider = (db as Record<symbol, DbProvider | undefined>)[PROVIDER];
  if (!provider) throw new Error("dbProvider: client was not made by createDb");
  return provider;
}
