// SuggestionsOnlyCheck on its own: the reading kept between keystrokes and the shadow kept in step
// with the room never let through what a fresh check would refuse.
import type { EditorState, Transaction } from "@tiptap/pm/state";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { headlessEditor } from "@/lib/test/headless-editor";
import { suggestOn } from "@/lib/test/suggest";
import { appendParagraph } from "@/lib/test/ydoc";
import { SuggestionsOnlyCheck } from "./suggest-only";

const DAVE = { id: "dave", name: "Dave" };

function setup() {
  const room = new Y.Doc();
  for (let i = 0; i < 20; i++) appendParagraph(room, `Paragraph ${i} of the briefing.`);
  const check = new SuggestionsOnlyCheck(room);
  const dave = new Y.Doc();
  Y.applyUpdate(dave, Y.encodeStateAsUpdate(room));
  /** Makes a change on Dave's copy, checks its update and, when taken, applies it to the room. */
  const send = (change: () => void) => {
    const vector = Y.encodeStateVector(dave);
    change();
    const update = Y.encodeStateAsUpdate(dave, vector);
    check.assert(update, DAVE.id);
    Y.applyUpdate(room, update);
  };
  const suggest = (edit: (s: EditorState) => Transaction) => send(() => suggestOn(dave, DAVE, edit));
  const direct = (edit: (s: EditorState) => Transaction) =>
    send(() => {
      const editor = headlessEditor(dave);
      editor.apply(edit(editor.state()));
    });
  return { room, dave, check, suggest, direct };
}

const text = (doc: Y.Doc) =>
  headlessEditor(doc)
    .state()
    .doc.textContent.replace(/\u200B/g, "");

describe("SuggestionsOnlyCheck", () => {
  it("takes keystroke after keystroke of suggestions, then refuses a direct edit", () => {
    const { room, suggest, direct } = setup();
    for (const [i, ch] of [..."new "].entries()) suggest((s) => s.tr.insertText(ch, 3 + i));
    expect(text(room)).toContain("Panew ragraph 0");
    expect(() => direct((s) => s.tr.insertText("DIRECT", 40))).toThrow(/edits the text directly/);
    expect(text(room)).not.toContain("DIRECT");
  });

  it("after someone else's edit, judges against the document with that edit (not a stale reading)", () => {
    const { room, dave, suggest, direct } = setup();
    suggest((s) => s.tr.insertText("x", 3));
    // Alice, unrestricted, edits the room; Dave receives it.
    const alice = new Y.Doc();
    Y.applyUpdate(alice, Y.encodeStateAsUpdate(room));
    const vector = Y.encodeStateVector(alice);
    appendParagraph(alice, "Alice's paragraph.");
    const edit = Y.encodeStateAsUpdate(alice, vector);
    Y.applyUpdate(room, edit);
    Y.applyUpdate(dave, edit);
    // Dave's next suggestion is fine; deleting Alice's new paragraph directly is not.
    suggest((s) => s.tr.insertText("y", 3));
    const end = headlessEditor(dave).state().doc.content.size;
    expect(() => direct((s) => s.tr.delete(end - 20, end - 2))).toThrow(/edits the text directly/);
  });

  it("after a refusal, checks the next update against the room's document again", () => {
    const { check, room } = setup();
    const bad = new Y.Doc();
    Y.applyUpdate(bad, Y.encodeStateAsUpdate(room));
    const vector = Y.encodeStateVector(bad);
    headlessEditor(bad).apply(headlessEditor(bad).state().tr.insertText("DIRECT", 3));
    expect(() => check.assert(Y.encodeStateAsUpdate(bad, vector), DAVE.id)).toThrow(/directly/);
    // The refused text is in no copy the check keeps: an unrelated suggestion from a fresh copy passes.
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(room));
    const v2 = Y.encodeStateVector(fresh);
    suggestOn(fresh, DAVE, (s) => s.tr.insertText("ok", 5));
    expect(() => check.assert(Y.encodeStateAsUpdate(fresh, v2), DAVE.id)).not.toThrow();
  });
});
