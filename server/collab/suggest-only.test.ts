// "Suggestions only" enforced by the collaboration server: an editor held to it may add, continue
// and withdraw suggestions of their own; direct edits, accepting others' suggestions and
// suggestions forged under someone else's name close the connection (4412) and change nothing.
import type { EditorState, Transaction } from "@tiptap/pm/state";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createBriefing } from "@/lib/briefings/create";
import { applyStoredState } from "@/lib/briefings/doc/update-log";
import { CLOSE } from "@/lib/collab/protocol";
import type { SuggestionAuthor } from "@/lib/editor/suggestions/marks";
import { listSuggestions, reviewSuggestion } from "@/lib/editor/suggestions/review";
import {
  connectClient,
  eventually,
  startTestCollabServer,
  synced,
  TEST_TOKENS,
  type TestClient,
  type TestCollabServer,
} from "@/lib/test/collab";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { buildUser } from "@/lib/test/fixtures";
import { headlessEditor } from "@/lib/test/headless-editor";
import { suggestOn } from "@/lib/test/suggest";
import { createTokenAuthorizer } from "./token-authorizer";

const ALICE: SuggestionAuthor = { id: "alice", name: "Alice" };
const DAVE: SuggestionAuthor = { id: "dave", name: "Dave" };
const TOKENS = {
  ...TEST_TOKENS,
  dave: { userId: "dave", name: "Dave", readOnly: false, readComments: true, suggestOnly: true },
};

const plain = (c: TestClient) => {
  const doc = headlessEditor(c.doc).state().doc;
  return doc.textBetween(0, doc.content.size, "\n").replace(/\u200B/g, "");
};

function at(state: EditorState, needle: string): number {
  const i = state.doc.textContent.indexOf(needle);
  if (i < 0) throw new Error(`no "${needle}"`);
  return i + 1; // one paragraph: text offset + 1
}

function suggest(client: TestClient, author: SuggestionAuthor, edit: (s: EditorState) => Transaction) {
  suggestOn(client.doc, author, edit);
}

describe.each(PROVIDERS)("suggestions only, enforced by the server, on %s", (provider) => {
  let t: TestDatabase;
  let server: TestCollabServer;
  let ownerId: string;
  let clients: TestClient[] = [];

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    ownerId = (await t.db.user.create({ data: buildUser() })).id;
    server = await startTestCollabServer(t, { idleUnloadMs: 60_000, authorize: createTokenAuthorizer(TOKENS) });
  });
  afterEach(() => {
    for (const c of clients) c.destroy();
    clients = [];
  });
  afterAll(async () => {
    await server?.close();
    await t?.drop();
  });

  async function open(token: string, id: string) {
    const c = connectClient(server.url, id, token);
    clients.push(c);
    const seen = { closed: null as { code: number; reason: string } | null };
    c.provider.on("closed", (event: { code: number; reason: string }) => {
      seen.closed = event;
    });
    await synced(c);
    return { c, seen };
  }

  async function briefing() {
    const content = {
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "Base text here." }] }],
    };
    return (await createBriefing(t.db, { title: "Review", ownerId, template: "blank", content })).id;
  }

  async function stored(id: string): Promise<string> {
    const doc = new Y.Doc();
    applyStoredState(doc, (await server.log.load(id))!);
    const pm = headlessEditor(doc).state().doc;
    return pm.textBetween(0, pm.content.size, "\n").replace(/\u200B/g, "");
  }

  it("takes the editor's own suggestions, and their withdrawal", async () => {
    const id = await briefing();
    const alice = await open("alice", id);
    const dave = await open("dave", id);
    suggest(dave.c, DAVE, (s) => s.tr.insertText("new ", at(s, "text")));
    suggest(dave.c, DAVE, (s) => s.tr.delete(at(s, "here"), at(s, "here") + 4));
    await eventually(() => plain(alice.c) === "Base new text here.", 5_000, "suggestion reaches alice");
    expect(listSuggestions(headlessEditor(alice.c.doc).state().doc).map((s) => s.authorId)).toEqual(["dave", "dave"]);
    const first = listSuggestions(headlessEditor(dave.c.doc).state().doc)[0];
    const editor = headlessEditor(dave.c.doc);
    editor.apply(reviewSuggestion(editor.state(), String(first?.id), false) as Transaction);
    await eventually(() => plain(alice.c) === "Base text here.", 5_000, "withdrawal reaches alice");
    expect(dave.seen.closed).toBeNull();
    await eventually(async () => (await stored(id)) === "Base text here.", 5_000, "stored");
  });

  it("refuses a direct edit: connection closed with 4412, nothing changed for others or in storage", async () => {
    const id = await briefing();
    const alice = await open("alice", id);
    const dave = await open("dave", id);
    const editor = headlessEditor(dave.c.doc);
    editor.apply(editor.state().tr.insertText("DIRECT ", 1));
    await eventually(() => dave.seen.closed !== null, 5_000, "dave closed");
    expect(dave.seen.closed?.code).toBe(CLOSE.suggestionsOnly);
    expect(dave.seen.closed?.reason).toMatch(/edits the text directly/);
    // Alice's own (unrestricted) edit still goes through, and the refused text never arrives.
    const mine = headlessEditor(alice.c.doc);
    mine.apply(mine.state().tr.insertText("!", at(mine.state(), ".") + 1));
    await eventually(async () => (await stored(id)) === "Base text here.!", 5_000, "alice stored");
    expect(plain(alice.c)).toBe("Base text here.!");
  });

  it("refuses accepting someone else's suggestion", async () => {
    const id = await briefing();
    const alice = await open("alice", id);
    suggest(alice.c, ALICE, (s) => s.tr.insertText("Alice's ", at(s, "text")));
    const dave = await open("dave", id);
    await eventually(() => plain(dave.c) === "Base Alice's text here.", 5_000, "dave sees it");
    const editor = headlessEditor(dave.c.doc);
    const [s] = listSuggestions(editor.state().doc);
    editor.apply(reviewSuggestion(editor.state(), String(s?.id), true) as Transaction);
    await eventually(() => dave.seen.closed !== null, 5_000, "dave closed");
    expect(dave.seen.closed?.code).toBe(CLOSE.suggestionsOnly);
    expect(listSuggestions(headlessEditor(alice.c.doc).state().doc)).toHaveLength(1);
  });

  it("refuses a suggestion attributed to someone else", async () => {
    const id = await briefing();
    await open("alice", id);
    const dave = await open("dave", id);
    suggest(dave.c, ALICE, (s) => s.tr.insertText("forged ", at(s, "text")));
    await eventually(() => dave.seen.closed !== null, 5_000, "dave closed");
    expect(dave.seen.closed?.reason).toMatch(/attributed to someone else/);
    expect(await stored(id)).toBe("Base text here.");
  });
});
