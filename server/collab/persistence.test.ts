import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createBriefing } from "@/lib/briefings/create";
import { type BriefingStore, LocalBriefingStore } from "@/lib/briefings/doc/store";
import { ThreadedBriefingStore } from "@/lib/briefings/doc/threaded-store";
import { applyStoredState, type BriefingUpdateLog, briefingLog } from "@/lib/briefings/doc/update-log";
import { mentionNotifier } from "@/lib/notifications/document-mentions";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { buildUser } from "@/lib/test/fixtures";
import { appendParagraph, blockTexts } from "@/lib/test/ydoc";
import { BriefingPersistence, type PersistenceOptions } from "./persistence";

async function eventuallyTrue(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const quiet: Partial<PersistenceOptions> = { onError: () => {}, retryMinMs: 5, retryMaxMs: 20 };

/** A store whose next `failures` appends throw, as a database outage would. */
class FlakyStore extends LocalBriefingStore {
  failures = 0;
  override async append(briefingId: string, data: Uint8Array): Promise<Uint8Array> {
    if (this.failures > 0) {
      this.failures--;
      throw new Error("database unavailable");
    }
    return super.append(briefingId, data);
  }
}

describe.each(PROVIDERS)("briefing persistence on %s", (provider) => {
  let t: TestDatabase;
  let log: BriefingUpdateLog;
  let ownerId: string;

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    log = briefingLog(t.db);
    ownerId = (await t.db.user.create({ data: buildUser() })).id;
  });
  afterAll(() => t?.drop());

  async function open(
    briefingId: string,
    options: Partial<PersistenceOptions> = {},
    store: BriefingStore = new LocalBriefingStore(log, mentionNotifier(t.db)),
  ) {
    const doc = new Y.Doc();
    const persistence = await BriefingPersistence.load(store, briefingId, doc, { ...quiet, ...options });
    if (!persistence) throw new Error("briefing not found");
    doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (typeof origin !== "symbol") persistence.enqueue(update);
    });
    return { doc, persistence };
  }

  async function reload(briefingId: string): Promise<Y.Doc> {
    const state = await log.load(briefingId);
    const doc = new Y.Doc();
    applyStoredState(doc, state!);
    return doc;
  }

  const newBriefing = async (template: "blank" | "policy-brief" = "blank") =>
    (await createBriefing(t.db, { title: "T", ownerId, template })).id;

  it("rewrites derived content at open when the log holds rows beyond the snapshot (an unclean stop)", async () => {
    const id = await newBriefing();
    const before = await t.db.briefing.findUniqueOrThrow({ where: { id } });
    const typed = new Y.Doc();
    appendParagraph(typed, "typed before the crash");
    await log.append(id, Y.encodeStateAsUpdate(typed)); // stored, but its content never derived
    const { persistence } = await open(id, { contentDebounceMs: 60_000, contentMaxWaitMs: 60_000 });
    try {
      await eventuallyTrue(async () => {
        const row = await t.db.briefing.findUniqueOrThrow({ where: { id } });
        return row.contentText === "typed before the crash" && row.updatedAt > before.updatedAt;
      });
    } finally {
      await persistence.close();
    }
  });

  it("loads the template, batches updates into one row and reloads them", async () => {
    const id = await newBriefing("policy-brief");
    const { doc, persistence } = await open(id, { batchMs: 30 });
    expect(blockTexts(doc)[0]).toBe("Summary");
    for (let i = 0; i < 10; i++) appendParagraph(doc, `line ${i}`);
    expect(persistence.dirty).toBe(true);
    await persistence.whenPersisted();
    expect(persistence.dirty).toBe(false);
    expect(await t.db.briefingUpdate.count({ where: { briefingId: id } })).toBe(1);
    expect(Y.decodeStateVector(persistence.persistedStateVector)).toEqual(
      Y.decodeStateVector(Y.encodeStateVector(doc)),
    );
    expect(blockTexts(await reload(id))).toEqual(blockTexts(doc));
  });

  it("compacts when the log grows and on close, keeping every update", async () => {
    const id = await newBriefing();
    const { doc, persistence } = await open(id, { batchMs: 0, compactEvery: 3 });
    for (let i = 0; i < 7; i++) {
      appendParagraph(doc, `p${i}`);
      await persistence.whenPersisted();
    }
    const mid = await t.db.briefing.findUniqueOrThrow({ where: { id } });
    expect(mid.yStateVersion).toBe(2);
    expect(await t.db.briefingUpdate.count({ where: { briefingId: id } })).toBe(1);
    expect(blockTexts(await reload(id))).toEqual(["p0", "p1", "p2", "p3", "p4", "p5", "p6"]);

    await persistence.close();
    const closed = await t.db.briefing.findUniqueOrThrow({ where: { id } });
    expect(closed.yStateVersion).toBe(3);
    expect(closed.yStateThrough).toBeGreaterThan(0);
    expect(await t.db.briefingUpdate.count({ where: { briefingId: id } })).toBe(0);
    expect(closed.contentText).toBe("p0\np1\np2\np3\np4\np5\np6");
    expect(blockTexts(await reload(id))).toEqual(blockTexts(doc));
  });

  it("keeps updates in memory while writes fail and persists them once the database is back", async () => {
    const id = await newBriefing();
    const flaky = new FlakyStore(log, mentionNotifier(t.db));
    const { doc, persistence } = await open(id, { batchMs: 0 }, flaky);
    const states: boolean[] = [];
    persistence.onChange((failing) => states.push(failing));
    flaky.failures = 3;
    appendParagraph(doc, "first");
    const saved = persistence.whenPersisted();
    appendParagraph(doc, "second");
    await saved;
    expect(states).toEqual([true, true, true, false]);
    expect(persistence.failing).toBe(false);
    expect(blockTexts(await reload(id))).toEqual(["first", "second"]);
  });

  it("never loses updates when two writers compact the same briefing concurrently", async () => {
    const id = await newBriefing();
    const a = await open(id, { batchMs: 0, compactEvery: 2 });
    const b = await open(id, { batchMs: 0, compactEvery: 2 });
    const writes: Promise<void>[] = [];
    for (let i = 0; i < 12; i++) {
      appendParagraph(a.doc, `a${i}`);
      appendParagraph(b.doc, `b${i}`);
      writes.push(a.persistence.whenPersisted(), b.persistence.whenPersisted());
      if (i % 3 === 0) writes.push(a.persistence.compact(), b.persistence.compact());
    }
    await Promise.all(writes);
    await Promise.all([a.persistence.close(), b.persistence.close()]);
    const texts = blockTexts(await reload(id));
    for (let i = 0; i < 12; i++) expect(texts).toEqual(expect.arrayContaining([`a${i}`, `b${i}`]));
    expect(texts).toHaveLength(24);
  });

  it("refreshes the derived content after a quiet period", async () => {
    const id = await newBriefing();
    const { doc, persistence } = await open(id, { batchMs: 0, contentDebounceMs: 20, contentMaxWaitMs: 100 });
    appendParagraph(doc, "Preview me");
    await persistence.whenPersisted();
    await expect
      .poll(async () => (await t.db.briefing.findUniqueOrThrow({ where: { id } })).contentText, { timeout: 2_000 })
      .toBe("Preview me");
    await persistence.close();
  });

  it("stores the derived text of a document holding NUL characters (a hostile editor can type them)", async () => {
    const id = await newBriefing();
    const { doc, persistence } = await open(id, { batchMs: 0 });
    appendParagraph(doc, "before\u0000after");
    await persistence.whenPersisted();
    await persistence.writeContent();
    expect((await t.db.briefing.findUniqueOrThrow({ where: { id } })).contentText).toBe("beforeafter");
    await persistence.close();
  });

  it("does the same through a worker thread, and survives the worker dying", async () => {
    const id = await newBriefing("policy-brief");
    const store = new ThreadedBriefingStore(t.url, mentionNotifier(t.db));
    try {
      const { doc, persistence } = await open(id, { batchMs: 0, compactEvery: 2 }, store);
      expect(blockTexts(doc)[0]).toBe("Summary");
      appendParagraph(doc, "before");
      await persistence.whenPersisted();
      await store.terminateWorker();
      appendParagraph(doc, "after the worker died");
      await persistence.whenPersisted();
      await persistence.close();
      expect(blockTexts(await reload(id)).slice(-2)).toEqual(["before", "after the worker died"]);
      const row = await t.db.briefing.findUniqueOrThrow({ where: { id } });
      expect(row.contentText.split("\n").slice(-2)).toEqual(["before", "after the worker died"]);
      expect(await t.db.briefingUpdate.count({ where: { briefingId: id } })).toBe(0);
    } finally {
      await store.close();
    }
  });

  it("returns null for unknown and deleted briefings", async () => {
    const store = new LocalBriefingStore(log, mentionNotifier(t.db));
    expect(await BriefingPersistence.load(store, "missing", new Y.Doc())).toBeNull();
    const id = await newBriefing();
    await t.db.briefing.update({ where: { id }, data: { deletedAt: new Date() } });
    expect(await BriefingPersistence.load(store, id, new Y.Doc())).toBeNull();
  });
});

describe("compaction on PostgreSQL with concurrent transactions", () => {
  let t: TestDatabase;
  let log: BriefingUpdateLog;
  let ownerId: string;

  beforeAll(async () => {
    t = await createTestDatabase("postgresql");
    log = briefingLog(t.db);
    ownerId = (await t.db.user.create({ data: buildUser() })).id;
  });
  afterAll(() => t?.drop());

  const newBriefing = async () => (await createBriefing(t.db, { title: "T", ownerId, template: "blank" })).id;
  async function reload(briefingId: string): Promise<Y.Doc> {
    const doc = new Y.Doc();
    applyStoredState(doc, (await log.load(briefingId))!);
    return doc;
  }

  /** Inserts `update` as a log row (taking the next id) and commits it only after `meanwhile`. */
  async function withLateRow(briefingId: string, update: Uint8Array, meanwhile: () => Promise<void>): Promise<void> {
    const client = new pg.Client({ connectionString: t.url });
    await client.connect();
    try {
      await client.query("BEGIN");
      await client.query(`INSERT INTO "BriefingUpdate" ("briefingId", "data") VALUES ($1, $2)`, [
        briefingId,
        Buffer.from(update),
      ]);
      await meanwhile();
      await client.query("COMMIT");
    } finally {
      await client.end();
    }
  }

  it("keeps a row that commits after a higher id was compacted", async () => {
    const id = await newBriefing();
    const late = new Y.Doc();
    appendParagraph(late, "late");
    const early = new Y.Doc();
    appendParagraph(early, "early");
    await withLateRow(id, Y.encodeStateAsUpdate(late), async () => {
      await log.append(id, Y.encodeStateAsUpdate(early)); // higher id, committed first
      expect(await log.compact(id)).toMatchObject({ status: "compacted", folded: 1 });
    });
    expect((await reload(id)).getXmlFragment("default").length).toBe(3);
    expect(blockTexts(await reload(id))).toEqual(expect.arrayContaining(["late", "early"]));
  });

  it("the store's stored state vector covers a row that committed after a higher id it had caught up past", async () => {
    // Another instance's batch (a lower id) commits after this store appended a client's next
    // change (a higher id) on top of it: the client moved here. Seen in CI as clients stuck at
    // "saving" after a kill -9 of their first instance.
    const id = await newBriefing();
    const store = new LocalBriefingStore(log, mentionNotifier(t.db));
    await store.open(id);
    const moved = new Y.Doc();
    applyStoredState(moved, (await log.load(id))!);
    const before = Y.encodeStateVector(moved);
    appendParagraph(moved, "typed on the other instance");
    const first = Y.encodeStateAsUpdate(moved, before);
    const middle = Y.encodeStateVector(moved);
    appendParagraph(moved, "typed here after moving");
    const second = Y.encodeStateAsUpdate(moved, middle);
    await withLateRow(id, first, async () => {
      await store.append(id, second); // waits for what it depends on, which is not committed yet
    });
    const unrelated = new Y.Doc();
    appendParagraph(unrelated, "someone else");
    const stored = Y.decodeStateVector(await store.append(id, Y.encodeStateAsUpdate(unrelated)));
    expect(stored.get(moved.clientID)).toBe(Y.getState(moved.store, moved.clientID));
    await store.close();
  });

  it("reports busy while another instance holds the compaction lock", async () => {
    const id = await newBriefing();
    await log.append(id, Y.encodeStateAsUpdate(new Y.Doc()));
    const client = new pg.Client({ connectionString: t.url });
    await client.connect();
    try {
      await client.query("BEGIN");
      await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [id]);
      expect(await log.compact(id)).toEqual({ status: "busy" });
      await client.query("COMMIT");
      expect(await log.compact(id)).toMatchObject({ status: "compacted" });
    } finally {
      await client.end();
    }
  });
});
