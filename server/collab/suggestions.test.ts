// Suggestion mode over the real collaboration server with real y-websocket clients: two people
// suggest in the same paragraph at the same moment, both suggestions survive with their authors,
// and accepting one while rejecting the other gives the same text everywhere and after a reload.
import type { Node as PmNode } from "@tiptap/pm/model";
import type { EditorState, Transaction } from "@tiptap/pm/state";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { deriveBriefingContent } from "@/lib/briefings/doc/content";
import { applyStoredState } from "@/lib/briefings/doc/update-log";
import type { SuggestionAuthor } from "@/lib/editor/suggestions/marks";
import { listSuggestions, reviewSuggestion } from "@/lib/editor/suggestions/review";
import { eventually, synced, type TestClient } from "@/lib/test/collab";
import { collabSuite } from "@/lib/test/collab-suite";
import { PROVIDERS } from "@/lib/test/databases";
import { headlessEditor, parseDoc } from "@/lib/test/headless-editor";
import { suggestOn } from "@/lib/test/suggest";

const ALICE: SuggestionAuthor = { id: "alice", name: "Alice" };
const BOB: SuggestionAuthor = { id: "bob", name: "Bob" };

const text = (doc: PmNode) => doc.textBetween(0, doc.content.size, "\n").replace(/\u200B/g, "");

/** The position just after the first occurrence of `needle` in the document. */
function endOf(state: EditorState, needle: string): number {
  let found = -1;
  state.doc.descendants((node, pos) => {
    if (found >= 0 || !node.isText) return found < 0;
    const i = node.text?.indexOf(needle) ?? -1;
    if (i >= 0) found = pos + i + needle.length;
    return false;
  });
  if (found < 0) throw new Error(`no "${needle}"`);
  return found;
}

function suggest(client: TestClient, author: SuggestionAuthor, edit: (s: EditorState) => Transaction) {
  suggestOn(client.doc, author, edit);
}

describe.each(PROVIDERS)("suggestions over the collaboration server on %s", (provider) => {
  const suite = collabSuite(provider);
  it("keeps two concurrent suggestions in one paragraph; accept one, reject the other, everywhere and after reload", async () => {
    const content = {
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "The budget is 10 million for 2027." }] }],
    };
    const id = await suite.briefing("Suggest", content);
    const alice = suite.connect(id, "alice");
    const bob = suite.connect(id, "bob");
    await Promise.all([synced(alice), synced(bob)]);

    // Both edit the same paragraph in the same tick: neither has seen the other's change.
    suggest(alice, ALICE, (s) => s.tr.insertText("12", endOf(s, "is "), endOf(s, "is 10")));
    suggest(bob, BOB, (s) => s.tr.insertText(" and 2028", endOf(s, "2027")));

    const expected = "The budget is 1012 million for 2027 and 2028.";
    for (const c of [alice, bob]) {
      await eventually(
        () => text(headlessEditor(c.doc).state().doc) === expected,
        5_000,
        "both suggestions everywhere",
      );
    }
    const suggestions = listSuggestions(headlessEditor(alice.doc).state().doc);
    expect(suggestions.map((s) => [s.authorName, s.deleted, s.inserted])).toEqual([
      ["Alice", "10", "12"],
      ["Bob", "", " and 2028"],
    ]);

    // Carol reviews: accepts Alice's, rejects Bob's.
    const carol = await suite.open(id, "carol");
    const reviewer = headlessEditor(carol.doc);
    const [fromAlice, fromBob] = suggestions;
    const accepted = reviewSuggestion(reviewer.state(), String(fromAlice?.id), true);
    if (!accepted) throw new Error("nothing to accept");
    reviewer.apply(accepted);
    const rejected = reviewSuggestion(reviewer.state(), String(fromBob?.id), false);
    if (!rejected) throw new Error("nothing to reject");
    reviewer.apply(rejected);

    const final = "The budget is 12 million for 2027.";
    for (const c of [alice, bob, carol]) {
      await eventually(() => text(headlessEditor(c.doc).state().doc) === final, 5_000, "reviewed text everywhere");
      expect(listSuggestions(headlessEditor(c.doc).state().doc)).toEqual([]);
    }

    // Reload: what the server stored.
    await eventually(
      async () => {
        const stored = await suite.server.log.load(id);
        if (!stored) return false;
        const doc = new Y.Doc();
        applyStoredState(doc, stored);
        return text(headlessEditor(doc).state().doc) === final;
      },
      5_000,
      "stored",
    );
  });

  it("stores suggestion marks with their authors; the derived content parses in the schema", async () => {
    const content = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Keep this." }] }] };
    const id = await suite.briefing("Stored", content);
    const alice = await suite.open(id, "alice");
    suggest(alice, ALICE, (s) => s.tr.delete(endOf(s, "Keep "), endOf(s, "this")));
    let stored: Y.Doc | null = null;
    await eventually(
      async () => {
        const state = await suite.server.log.load(id);
        if (!state) return false;
        const doc = new Y.Doc();
        applyStoredState(doc, state);
        stored = doc;
        return listSuggestions(headlessEditor(doc).state().doc).length === 1;
      },
      5_000,
      "stored suggestion",
    );
    const derived = deriveBriefingContent(stored as unknown as Y.Doc);
    const doc = parseDoc(derived.json);
    expect(listSuggestions(doc)).toMatchObject([{ authorId: "alice", authorName: "Alice", deleted: "this" }]);
  });
});
