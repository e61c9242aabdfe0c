export type DbProvider = "sqlite" | "postgresql";

/** Which provider a database URL selects: postgres URLs use PostgreSQL, anything else SQLite. */
export function providerOf(databaseUrl: string): DbProvider {
  return /^postgres(ql)?:\/\//.test(databaseUrl) ? "postgresql" : "sqlite";
}

/** Turns a "file:" URL into the file path better-sqlite3 opens. */
export function sqlitePath(databaseUrl: string): string {
  return databaseUrl.replace(/^file:/, "");
}

/** SQLite busy timeout for every connection we open: wait this long for another connection's write lock. */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000;
