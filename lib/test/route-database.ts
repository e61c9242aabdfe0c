import { afterAll, beforeAll } from "vitest";
import type { Db } from "@/lib/db";
import { createTestDatabase, type TestDatabase } from "./databases";

type Handler = (request: Request) => Promise<Response>;

/**
 * For tests of a route handler module: a throwaway SQLite database, filled by `fill`, that the
 * handlers use (they take the process-wide client for DATABASE_URL, so the module is loaded after
 * pointing it there). Call in a describe block; `t` and `GET` are set before its tests run.
 */
export function useRouteDatabase(load: () => Promise<{ GET?: Handler }>, fill: (db: Db) => Promise<unknown>) {
  const context = {} as { t: TestDatabase; GET: Handler };
  beforeAll(async () => {
    context.t = await createTestDatabase("sqlite");
    await fill(context.t.db);
    process.env.DATABASE_URL = context.t.url;
    const { GET } = await load();
    if (!GET) throw new Error("The route module has no GET handler");
    context.GET = GET;
  });
  afterAll(async () => {
    const { getDb } = await import("@/lib/db");
    await getDb().$disconnect();
    await context.t.drop();
  });
  return context;
}
