import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBriefing } from "@/lib/briefings/create";
import { AppError } from "@/lib/errors";
import { mentionNotifier } from "@/lib/notifications/document-mentions";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { buildUser } from "@/lib/test/fixtures";
import { ThreadedBriefingStore } from "./threaded-store";
import { prosemirrorJsonToYUpdate } from "./ydoc";

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

describe.each(PROVIDERS)("the real briefing store worker on %s", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("keeps a database error's code and the stack of the worker's database call", async () => {
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

  it("stores the derived content and notifies a newly @mentioned reader through the parent's client", async () => {
    const [owner, reader] = [buildUser({ name: "Owner" }), buildUser({ name: "Rita Reader" })];
    for (const user of [owner, reader]) await t.db.user.create({ data: user });
    const { id } = await createBriefing(t.db, { title: "Brief", ownerId: owner.id, template: "blank" });
    await t.db.briefingGrant.create({ data: { briefingId: id, userId: reader.id, role: "viewer" } });
    const store = new ThreadedBriefingStore(t.url, mentionNotifier(t.db));
    try {
      const mention = { type: "mention", attrs: { id: reader.id, label: "Rita Reader", mentionSuggestionChar: "@" } };
      const update = prosemirrorJsonToYUpdate({
        type: "doc",
        content: [{ type: "paragraph", content: [{ type: "text", text: "Ask " }, mention] }],
      });
      await store.append(id, update);
      await store.writeContent(id);
      const stored = await t.db.briefing.findUniqueOrThrow({ where: { id }, select: { contentText: true } });
      expect(stored.contentText).toBe("Ask @Rita Reader");
      const notifications = await t.db.notification.findMany({ where: { userId: reader.id, kind: "mentioned" } });
      expect(notifications).toMatchObject([{ briefingId: id, excerpt: "Ask @Rita Reader" }]);
    } finally {
      await store.close();
    }
  });
});
