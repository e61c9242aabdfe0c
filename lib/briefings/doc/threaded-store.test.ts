import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { mentionNotifier } from "@/lib/notifications/document-mentions";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { ThreadedBriefingStore } from "./threaded-store";

const THROWING_WORKER = new URL("../../test/throwing-store-worker.ts", import.meta.url);

describe("errors crossing the briefing store's worker thread", () => {
  it("an AppError thrown in the worker arrives as an AppError with its code, status, details and worker-side stack", async () => {
    const store = new ThreadedBriefingStore("file:unused.db", async () => {}, THROWING_WORKER);
    try {
      const error = await store.open("b-1").then(
        () => null,
        (thrown: unknown) => thrown,
      );
      expect(error).toBeInstanceOf(AppError);
      const appError = error as AppError;
      expect(appError.code).toBe("not_found");
      expect(appError.status).toBe(404);
      expect(appError.message).toBe("Briefing b-1 is not in this store.");
      expect(appError.details).toEqual({ briefingId: "b-1" });
      // Thrown by refuseBriefing in the worker's module, not rebuilt where the reply arrived.
      expect(appError.stack).toMatch(/at refuseBriefing .*throwing-store-worker\.ts/);
      expect(appError.stack).not.toContain("threaded-store.ts");
    } finally {
      await store.close();
    }
  });
});

describe.each(PROVIDERS)("errors of the real briefing store worker on %s", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("a database error keeps its code and the stack of the worker's database call", async () => {
    const store = new ThreadedBriefingStore(t.url, mentionNotifier(t.db));
    try {
      // No such briefing: the log row's foreign key is refused by the database, in the worker.
      const error = await store.append("no-such-briefing", new Uint8Array([0, 0])).then(
        () => null,
        (thrown: unknown) => thrown,
      );
      expect(error).toBeInstanceOf(Error);
      expect(typeof (error as { code?: unknown }).code).toBe("string");
      expect((error as Error).stack).toContain("update-log.ts");
    } finally {
      await store.close();
    }
  });
});
