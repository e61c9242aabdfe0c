import type { JSONContent } from "@tiptap/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createBriefing } from "@/lib/briefings/create";
import { prosemirrorJsonToText } from "@/lib/briefings/doc/content";
import { loadCurrentContent } from "@/lib/briefings/doc/current";
import { BRIEFING_FRAGMENT } from "@/lib/editor/fragment";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { buildUser } from "@/lib/test/fixtures";
import { appendParagraph } from "@/lib/test/ydoc";
import { AutoVersioner, thinVersions } from "./auto";
import { diffDocuments } from "./diff";
import { editDocument } from "./live";
import { restoreEdit } from "./restore";
import { CHECKPOINT_EVERY, captureVersion, loadStoredDoc, loadVersionContent, parseAuthors } from "./store";
import { versionsToThin } from "./thinning";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const text = (json: JSONContent | null) => (json ? prosemirrorJsonToText(json) : null);

/** Inserts text at the end of the first paragraph, as a typist would. */
function typeInto(doc: Y.Doc, words: string): void {
  const fragment = doc.getXmlFragment(BRIEFING_FRAGMENT);
  const first = fragment.get(0) as Y.XmlElement;
  const leaf = first.get(0) as Y.XmlText | undefined;
  if (leaf) leaf.insert(leaf.length, words);
  else first.insert(0, [new Y.XmlText(words)]);
}

describe.each(PROVIDERS)("version history on %s", (provider) => {
  let t: TestDatabase;
  let ownerId: string;

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    ownerId = (await t.db.user.create({ data: buildUser() })).id;
  });
  afterAll(() => t?.drop());

  const newBriefing = async () => (await createBriefing(t.db, { title: "History", ownerId, template: "blank" })).id;
  const edit = (id: string, change: (doc: Y.Doc) => void) => editDocument(t.db, id, change);
  const currentText = async (id: string) => text(await loadCurrentContent(t.db, id));

  it("rebuilds every version as it was; small edits are stored as small deltas between checkpoints", async () => {
    const id = await newBriefing();
    // A document of some size first, so that the delta/full ratio means something.
    await edit(id, (doc) => {
      for (let i = 0; i < 60; i++) appendParagraph(doc, `Paragraph ${i} about alliance burden sharing and posture.`);
    });
    const expected: { id: string; text: string | null }[] = [];
    for (let i = 0; i < CHECKPOINT_EVERY + 5; i++) {
      await edit(id, (doc) => typeInto(doc, ` edit${i}`));
      const version = await captureVersion(t.db, id, { kind: "auto", now: new Date(1_000_000 + i * MINUTE) });
      expect(version).not.toBeNull();
      expected.push({ id: version!.id, text: await currentText(id) });
    }
    for (const { id: versionId, text: wanted } of [expected[0]!, expected[7]!, expected.at(-1)!]) {
      expect(text(await loadVersionContent(t.db, id, versionId))).toBe(wanted);
    }
    const rows = await t.db.briefingVersion.findMany({
      where: { briefingId: id },
      orderBy: { seq: "asc" },
      select: { checkpoint: true, bytes: true },
    });
    expect(rows[0]!.checkpoint).toBe(true);
    expect(rows.filter((row) => row.checkpoint).length).toBe(2);
    const doc = (await loadStoredDoc(t.db, id))!;
    const full = Y.encodeStateAsUpdateV2(doc).length;
    doc.destroy();
    const deltas = rows.filter((row) => !row.checkpoint);
    for (const delta of deltas) expect(delta.bytes).toBeLessThan(full / 10);
  }, 180_000);

  it("skips an automatic version when nothing changed, but a named one is always made", async () => {
    const id = await newBriefing();
    await edit(id, (doc) => appendParagraph(doc, "Once"));
    expect(await captureVersion(t.db, id, { kind: "auto", now: new Date(), skipIfUnchanged: true })).not.toBeNull();
    expect(await captureVersion(t.db, id, { kind: "auto", now: new Date(), skipIfUnchanged: true })).toBeNull();
    expect(await captureVersion(t.db, id, { kind: "named", name: "Sent", now: new Date() })).not.toBeNull();
    // A deletion alone leaves the state vector as it was: it still counts as a change.
    await edit(id, (doc) => doc.getXmlFragment(BRIEFING_FRAGMENT).delete(0, 1));
    expect(await captureVersion(t.db, id, { kind: "auto", now: new Date(), skipIfUnchanged: true })).not.toBeNull();
  });

  it("thins automatic versions by age, merging each removed delta into the next so later versions still rebuild", async () => {
    const id = await newBriefing();
    const now = 30 * DAY;
    // Every 8 hours for 10 days, bursts of four within an hour 3 days and 2 hours ago and 8 days
    // ago, and one named version 9 days ago.
    const times = new Set<number>();
    for (let at = now - 10 * DAY; at <= now; at += 8 * HOUR) times.add(at);
    for (const start of [now - 8 * DAY, now - 3 * DAY, now - 2 * HOUR])
      for (let i = 1; i <= 4; i++) times.add(start + i * 10 * MINUTE);
    const made: { id: string; text: string | null; at: number; kind: string }[] = [];
    for (const at of [...times].sort((a, b) => a - b)) {
      await edit(id, (doc) => typeInto(doc, ` t${at}`));
      const named = at === now - 9 * DAY;
      const version = await captureVersion(t.db, id, {
        kind: named ? "named" : "auto",
        name: named ? "Sent to Director" : null,
        now: new Date(at),
      });
      made.push({ id: version!.id, text: await currentText(id), at, kind: named ? "named" : "auto" });
    }
    const removed = await thinVersions(t.db, id, now);
    const left = await t.db.briefingVersion.findMany({
      where: { briefingId: id },
      select: { id: true, createdAt: true, kind: true },
    });
    expect(removed + left.length).toBe(made.length);
    const kept = new Set(left.map((v) => v.id));
    // All of the last 24 hours, the named version, and no two automatic versions in one hour (1-7 days) or day (older).
    for (const version of made) {
      if (now - version.at < DAY || version.kind === "named") expect(kept.has(version.id)).toBe(true);
    }
    const buckets = new Map<string, number>();
    for (const version of left) {
      const age = now - version.createdAt.getTime();
      if (age < DAY || version.kind !== "auto") continue;
      const key =
        age < 7 * DAY
          ? `h${Math.floor(version.createdAt.getTime() / HOUR)}`
          : `d${Math.floor(version.createdAt.getTime() / DAY)}`;
      buckets.set(key, (buckets.get(key) ?? 0) + 1);
    }
    expect([...buckets.values()].every((count) => count === 1)).toBe(true);
    expect(removed).toBeGreaterThan(10);
    // Every version left rebuilds to its own content, across merged deltas and moved checkpoints.
    for (const version of made.filter((v) => kept.has(v.id))) {
      expect(text(await loadVersionContent(t.db, id, version.id))).toBe(version.text);
    }
    expect(text(await loadVersionContent(t.db, id, made.at(-1)!.id))).toBe(made.at(-1)!.text);
    // Thinning again changes nothing.
    expect(await thinVersions(t.db, id, now)).toBe(0);
  }, 180_000);

  it("makes automatic versions after the interval of activity and when the last editor leaves (injected clock)", async () => {
    const id = await newBriefing();
    let now = 5 * DAY;
    const versioner = new AutoVersioner({ db: t.db, intervalMs: 5 * MINUTE, clock: { now: () => now } });
    const count = () => t.db.briefingVersion.count({ where: { briefingId: id } });
    await edit(id, (doc) => appendParagraph(doc, "First words"));
    await versioner.changed(id, ["alice"]);
    now += 4 * MINUTE;
    await edit(id, (doc) => typeInto(doc, " more"));
    await versioner.changed(id, ["bob"]);
    expect(await count()).toBe(0);
    now += 1 * MINUTE;
    await versioner.changed(id, ["alice"]);
    expect(await count()).toBe(1);
    const first = await t.db.briefingVersion.findFirstOrThrow({ where: { briefingId: id } });
    expect(first.kind).toBe("auto");
    expect(first.createdAt.getTime()).toBe(now);
    expect(parseAuthors(first.authorIds).sort()).toEqual(["alice", "bob"]);
    // Leaving without changes since: nothing; with changes: a version crediting who made them.
    await versioner.left(id);
    expect(await count()).toBe(1);
    now += MINUTE;
    await edit(id, (doc) => typeInto(doc, " last"));
    await versioner.changed(id, ["carol"]);
    expect(await count()).toBe(1);
    await versioner.left(id);
    expect(await count()).toBe(2);
    const last = await t.db.briefingVersion.findFirstOrThrow({ where: { briefingId: id }, orderBy: { seq: "desc" } });
    expect(parseAuthors(last.authorIds)).toEqual(["carol"]);
    expect(text(await loadVersionContent(t.db, id, last.id))).toBe(await currentText(id));
  });

  it("credits authors noted by one instance in a version made by another (kept in the database)", async () => {
    const id = await newBriefing();
    // Two collaboration servers: each stores its own clients' batches and notes their authors.
    const clock = { now: () => 5 * DAY };
    const instanceA = new AutoVersioner({ db: t.db, intervalMs: 5 * MINUTE, clock });
    const instanceB = new AutoVersioner({ db: t.db, intervalMs: 5 * MINUTE, clock });
    await edit(id, (doc) => appendParagraph(doc, "Typed through instance A"));
    await instanceA.changed(id, ["alice"]);
    // In the database, where every instance (and a restarted one) finds it, not in A's memory.
    const pending = await t.db.briefingPendingAuthor.findMany({ where: { briefingId: id } });
    expect(pending.map((row) => row.userId)).toEqual(["alice"]);
    await edit(id, (doc) => typeInto(doc, " and B"));
    await instanceB.changed(id, ["bob"]);
    // The last editor leaves on B: its version credits Alice too, though A saw her change.
    await instanceB.left(id);
    const first = await t.db.briefingVersion.findFirstOrThrow({ where: { briefingId: id }, orderBy: { seq: "desc" } });
    expect(parseAuthors(first.authorIds).sort()).toEqual(["alice", "bob"]);
    // Taken once: A's next version (after a change by Carol only) does not credit Alice again.
    await edit(id, (doc) => typeInto(doc, " then C"));
    await instanceB.changed(id, ["carol"]);
    await instanceA.left(id);
    const second = await t.db.briefingVersion.findFirstOrThrow({ where: { briefingId: id }, orderBy: { seq: "desc" } });
    expect(second.id).not.toBe(first.id);
    expect(parseAuthors(second.authorIds)).toEqual(["carol"]);
    expect(await t.db.briefingPendingAuthor.count({ where: { briefingId: id } })).toBe(0);
  });

  it("restores a version as a new change on top, and one block of it, keeping the history", async () => {
    const id = await newBriefing();
    await edit(id, (doc) => {
      appendParagraph(doc, "Alpha");
      appendParagraph(doc, "Bravo");
    });
    const old = (await captureVersion(t.db, id, { kind: "named", name: "Before", now: new Date() }))!;
    const oldContent = (await loadVersionContent(t.db, id, old.id))!;
    await edit(id, (doc) => {
      const fragment = doc.getXmlFragment(BRIEFING_FRAGMENT);
      fragment.delete(fragment.length - 1, 1);
      appendParagraph(doc, "Charlie");
    });
    const later = (await captureVersion(t.db, id, { kind: "auto", now: new Date() }))!;
    const laterText = text(await loadVersionContent(t.db, id, later.id));
    expect(laterText).not.toBe(text(oldContent));

    await edit(id, restoreEdit(id, oldContent));
    expect(await currentText(id)).toBe(text(oldContent));
    // History is intact: the later version still rebuilds to what it was.
    expect(text(await loadVersionContent(t.db, id, later.id))).toBe(laterText);

    // One block: put "Charlie" back (a block the later version has and the current one lacks).
    const laterContent = (await loadVersionContent(t.db, id, later.id))!;
    const current = (await loadCurrentContent(t.db, id))!;
    const change = diffDocuments(laterContent, current).blocks.find(
      (block) => "from" in block && text({ type: "doc", content: [block.from] }) === "Charlie",
    )!;
    const ref = {
      from: "fromIndex" in change ? change.fromIndex : null,
      to: "toIndex" in change ? change.toIndex : null,
    };
    await edit(id, restoreEdit(id, laterContent, ref));
    const after = await currentText(id);
    expect(after).toContain("Charlie");
    expect(after).toContain("Alpha");
    expect(after).not.toBe(text(current));
    // A block that is not in the diff (any more) changes nothing and says so.
    await expect(edit(id, restoreEdit(id, laterContent, ref))).rejects.toThrow(/changed/);
    expect(await currentText(id)).toBe(after);
  });
});

describe("thinning rule", () => {
  const at = (ms: number, seq: number, kind = "auto") => ({ id: `v${seq}`, seq, kind, createdAt: new Date(ms) });

  it("keeps today, the latest per hour for a week, the latest per day after, named versions and the newest", () => {
    const now = 100 * DAY;
    const versions = [
      at(now - 20 * DAY + 1, 1),
      at(now - 20 * DAY + 2, 2),
      at(now - 20 * DAY + 3, 3, "named"),
      at(now - 3 * DAY + 1, 4),
      at(now - 3 * DAY + 2, 5),
      at(now - 3 * DAY + HOUR, 6),
      at(now - HOUR, 7),
      at(now - HOUR + 1, 8),
    ];
    expect(versionsToThin(versions, now).sort()).toEqual(["v1", "v4"]);
    expect(versionsToThin([at(now - 30 * DAY, 1), at(now - 30 * DAY + 1, 2)], now)).toEqual(["v1"]);
    expect(versionsToThin([at(now - 30 * DAY, 1)], now)).toEqual([]);
  });
});
