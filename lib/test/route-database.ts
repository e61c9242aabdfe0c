import { afterAll, beforeAll } from "vitest";
import type { Db } from "@/lib/db";
import { useTestDb } from "./auth";
import { createTestDatabase, type TestDatabase } from "./databases";

/**
 * For tests of route handlers: a throwaway SQLite database, filled by `fill`, that the handlers
 * use (useTestDb). Call in a describe block; `t` is set before its tests run.
 */
export function routeTestDatabase(fill: (db: Db) => Promise<unknown>) {
  const context = {} as { t: TestDatabase };
  beforeAll(async () => {
    context.t = await createTestDatabase("sqlite");
    await fill(context.t.db);
    useTestDb(context.t.db);
  });
  afterAll(() => context.t?.drop());
  return context;
}
