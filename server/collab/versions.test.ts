import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createBriefing } from "@/lib/briefings/create";
import { prosemirrorJsonToText } from "@/lib/briefings/doc/content";
import { loadCurrentContent } from "@/lib/briefings/doc/current";
import { BRIEFING_FRAGMENT } from "@/lib/editor/fragment";
import { listSuggestions, reviewAll, reviewSuggestion } from "@/lib/editor/suggestions/review";
import {
  connectClient,
  eventually,
  sleep,
  startTestCollabServer,
  statusReached,
  synced,
  type TestClient,
  type TestCollabServer,
} from "@/lib/test/collab";
import { createTestDatabase, type TestDatabase } from "@/lib/test/databases";
import { buildUser } from "@/lib/test/fixtures";
import { headlessEditor } from "@/lib/test/headless-editor";
import { suggestOn } from "@/lib/test/suggest";
import { appendParagraph, blockTexts } from "@/lib/test/ydoc";
import { AutoVersioner } from "@/lib/versions/auto";
import { proposeVersionChanges, restoreVersion } from "@/lib/versions/service";
import { captureVersion, loadVersionContent, parseAuthors } from "@/lib/versions/store";
import { versionHooks } from "./version-hooks";

/** Types `words` at the end of the paragraph holding `marker`, as an editor would. */
function typeAfter(doc: Y.Doc, marker: string, words: string): void {
  const fragment = doc.getXmlFragment(BRIEFING_FRAGMENT);
  for (const block of fragment.toArray()) {
    const leaf = block instanceof Y.XmlElement ? block.get(0) : null;
    if (leaf instanceof Y.XmlText && leaf.toString().startsWith(marker)) {
      leaf.insert(leaf.length, words);
      return;
    }
  }
  throw new Error(`no paragraph starting with ${marker}`);
}

const same = (a: TestClient, b: TestClient) =>
  JSON.stringify(a.doc.getXmlFragment(BRIEFING_FRAGMENT).toJSON()) ===
  JSON.stringify(b.doc.getXmlFragment(BRIEFING_FRAGMENT).toJSON());

describe("version history with live editors", () => {
  let t: TestDatabase;
  let server: TestCollabServer;
  let versioner: AutoVersioner;
  let ownerId: string;
  let clients: TestClient[] = [];

  beforeAll(async () => {
    t = await createTestDatabase("postgresql");
    ownerId = (await t.db.user.create({ data: buildUser() })).id;
    versioner = new AutoVersioner({ db: t.db, intervalMs: 60 * 60_000 });
    server = await startTestCollabServer(t, { hooks: [versionHooks(versioner)], idleUnloadMs: 100 });
  });
  afterEach(() => {
    for (const client of clients) client.destroy();
    clients = [];
  });
  afterAll(async () => {
    await server?.close();
    await t?.drop();
  });

  const connect = async (id: string, token: string) => {
    const client = connectClient(server.url, id, token);
    clients.push(client);
    await synced(client);
    return client;
  };
  const owner = () => ({ id: ownerId, isAdmin: false, catalogEditor: false });

  it("two editors typing while a third restores all converge on the restored text plus later edits; history is kept", async () => {
    const id = (await createBriefing(t.db, { title: "Live", ownerId, template: "blank" })).id;
    const alice = await connect(id, "alice");
    const bob = await connect(id, "bob");
    const carol = await connect(id, "carol");
    appendParagraph(alice.doc, "Alpha");
    appendParagraph(bob.doc, "Bravo");
    await Promise.all([statusReached(alice, "saved"), statusReached(bob, "saved")]);
    await eventually(() => same(alice, bob) && same(bob, carol), 5_000, "first sync");
    const baseline = (await captureVersion(t.db, id, { kind: "named", name: "Baseline", now: new Date() }))!;
    const baselineText = prosemirrorJsonToText((await loadVersionContent(t.db, id, baseline.id))!);

    // Drafts after the baseline, stored, then the restore while both keep typing into their paragraphs.
    appendParagraph(alice.doc, "Alice draft");
    appendParagraph(bob.doc, "Bob draft");
    await Promise.all([statusReached(alice, "saved"), statusReached(bob, "saved")]);
    let typing = true;
    const keepTyping = async (client: TestClient, marker: string, tag: string) => {
      for (let i = 0; typing; i++) {
        typeAfter(client.doc, marker, ` ${tag}${i}`);
        await sleep(5);
      }
    };
    const typists = [keepTyping(alice, "Alpha", "a"), keepTyping(bob, "Bravo", "b")];
    await sleep(30);
    const restored = await restoreVersion(t.db, owner(), id, baseline.id);
    typing = false;
    await Promise.all(typists);
    // Later edits, made after the restore reached each editor.
    await eventually(() => !blockTexts(alice.doc).includes("Alice draft"), 5_000, "restore reached Alice");
    await eventually(() => !blockTexts(bob.doc).includes("Bob draft"), 5_000, "restore reached Bob");
    typeAfter(alice.doc, "Alpha", " LATER-A");
    typeAfter(bob.doc, "Bravo", " LATER-B");
    await Promise.all([statusReached(alice, "saved"), statusReached(bob, "saved")]);
    await eventually(() => same(alice, bob) && same(bob, carol), 5_000, "convergence");

    const texts = blockTexts(carol.doc);
    expect(texts).not.toContain("Alice draft");
    expect(texts).not.toContain("Bob draft");
    expect(texts.find((line) => line.startsWith("Alpha"))).toMatch(/ LATER-A$/);
    expect(texts.find((line) => line.startsWith("Bravo"))).toMatch(/ LATER-B$/);
    expect(texts.filter((line) => line.startsWith("Alpha") || line.startsWith("Bravo"))).toHaveLength(2);
    // What the clients show is what is stored.
    await eventually(
      async () => prosemirrorJsonToText((await loadCurrentContent(t.db, id))!) === blockTexts(carol.doc).join("\n"),
      5_000,
      "stored = shown",
    );

    // History: baseline, the state before the restore (with both drafts), the restore; nothing rewritten.
    const versions = await t.db.briefingVersion.findMany({ where: { briefingId: id }, orderBy: { seq: "asc" } });
    expect(versions.map((v) => v.kind)).toEqual(["named", "auto", "restore"]);
    expect(versions[2]!.id).toBe(restored.id);
    expect(versions[2]!.name).toMatch(/^Restored “Baseline”/);
    const before = prosemirrorJsonToText((await loadVersionContent(t.db, id, versions[1]!.id))!);
    expect(before).toContain("Alice draft");
    expect(before).toContain("Bob draft");
    expect(prosemirrorJsonToText((await loadVersionContent(t.db, id, baseline.id))!)).toBe(baselineText);
    expect(parseAuthors(versions[1]!.authorIds).sort()).toEqual(["alice", "bob"]);
  });

  it("proposes the changes between two versions as suggestions an open editor sees and accepts live", async () => {
    const id = (await createBriefing(t.db, { title: "Proposal", ownerId, template: "blank" })).id;
    const alice = await connect(id, "alice");
    appendParagraph(alice.doc, "Alpha");
    await statusReached(alice, "saved");
    const draft = (await captureVersion(t.db, id, { kind: "named", name: "Draft", now: new Date() }))!;
    typeAfter(alice.doc, "Alpha", " grows");
    await statusReached(alice, "saved");
    const revised = (await captureVersion(t.db, id, { kind: "named", name: "Revised", now: new Date() }))!;
    await restoreVersion(t.db, owner(), id, draft.id);
    await eventually(() => blockTexts(alice.doc).includes("Alpha"), 5_000, "restore reached Alice");

    const outcome = await proposeVersionChanges(t.db, owner(), id, draft.id, revised.id);
    expect(outcome).toEqual({ proposed: 1, skipped: [] });
    const editor = headlessEditor(alice.doc);
    await eventually(() => listSuggestions(editor.state().doc).length === 1, 5_000, "suggestion reached Alice");
    expect(listSuggestions(editor.state().doc)[0]).toMatchObject({ authorId: ownerId, inserted: " grows" });
    editor.apply(reviewAll(editor.state(), true)!);
    await statusReached(alice, "saved");
    await eventually(
      async () => prosemirrorJsonToText((await loadCurrentContent(t.db, id))!).includes("Alpha grows"),
      5_000,
      "accepted text stored",
    );
  });

  it("an automatic version after a review says how many suggestions were accepted and rejected", async () => {
    const id = (await createBriefing(t.db, { title: "Review", ownerId, template: "blank" })).id;
    const alice = await connect(id, "alice");
    appendParagraph(alice.doc, "Budget is ten.");
    appendParagraph(alice.doc, "Staff of five.");
    await statusReached(alice, "saved");
    const editor = headlessEditor(alice.doc);
    for (const [needle, text] of [
      ["ten", " million"],
      ["five", " more"],
    ] as const) {
      let at = -1;
      editor.state().doc.descendants((node, p) => {
        const i = node.isText ? (node.text?.indexOf(needle) ?? -1) : -1;
        if (at < 0 && i >= 0) at = p + i + needle.length;
        return at < 0;
      });
      suggestOn(alice.doc, { id: "alice", name: "Alice" }, (s) => s.tr.insertText(text, at));
    }
    await statusReached(alice, "saved");
    await captureVersion(t.db, id, { kind: "named", name: "Suggested", now: new Date() });
    const [first, second] = listSuggestions(editor.state().doc);
    editor.apply(reviewSuggestion(editor.state(), String(first?.id), true)!);
    editor.apply(reviewSuggestion(editor.state(), String(second?.id), false)!);
    await statusReached(alice, "saved");
    alice.destroy();
    await eventually(
      async () => (await t.db.briefingVersion.count({ where: { briefingId: id } })) === 2,
      5_000,
      "version on leave",
    );
    const latest = await t.db.briefingVersion.findFirstOrThrow({ where: { briefingId: id }, orderBy: { seq: "desc" } });
    expect(latest).toMatchObject({ kind: "auto", name: "Accepted 1 suggestion, rejected 1 suggestion" });
  });

  it("makes a version when the last editor leaves, crediting who changed what", async () => {
    const id = (await createBriefing(t.db, { title: "Leaving", ownerId, template: "blank" })).id;
    const alice = await connect(id, "alice");
    const bob = await connect(id, "bob");
    appendParagraph(alice.doc, "Written by Alice");
    await statusReached(alice, "saved");
    alice.destroy();
    await sleep(50);
    expect(await t.db.briefingVersion.count({ where: { briefingId: id } })).toBe(0);
    bob.destroy();
    await eventually(
      async () => (await t.db.briefingVersion.count({ where: { briefingId: id } })) === 1,
      5_000,
      "version on leave",
    );
    const version = await t.db.briefingVersion.findFirstOrThrow({ where: { briefingId: id } });
    expect(version.kind).toBe("auto");
    expect(parseAuthors(version.authorIds)).toEqual(["alice"]);
    expect(prosemirrorJsonToText((await loadVersionContent(t.db, id, version.id))!)).toContain("Written by Alice");
  });
});
