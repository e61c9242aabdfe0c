import { EditorState, NodeSelection, TextSelection } from "@tiptap/pm/state";
import { describe, expect, it } from "vitest";
import { moveBlock } from "./move-block";
import { editorSchema } from "./schema";

const p = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });
const item = (text: string) => ({ type: "listItem", content: [p(text)] });

function stateWithCaretIn(json: object, text: string): EditorState {
  const doc = editorSchema().nodeFromJSON(json);
  let at = -1;
  doc.descendants((node, pos) => {
    if (at < 0 && node.isText && node.text === text) at = pos + 1;
    return at < 0;
  });
  return EditorState.create({ doc, selection: TextSelection.create(doc, at) });
}

const texts = (state: EditorState) => state.doc.content.content.map((n) => n.textContent);
const run = (state: EditorState, direction: -1 | 1) => {
  let next = state;
  const moved = moveBlock(state, direction, (tr) => {
    next = state.apply(tr);
  });
  return { moved, next };
};

describe("moveBlock (Alt+Shift+Up/Down)", () => {
  const doc = { type: "doc", content: [p("One"), p("Two"), p("Three")] };

  it("moves the block with the caret up and down, the caret staying in it", () => {
    const up = run(stateWithCaretIn(doc, "Two"), -1);
    expect(up.moved).toBe(true);
    expect(texts(up.next)).toEqual(["Two", "One", "Three"]);
    expect(up.next.selection.$from.parent.textContent).toBe("Two");
    const down = run(up.next, 1);
    const downAgain = run(down.next, 1);
    expect(texts(downAgain.next)).toEqual(["One", "Three", "Two"]);
    expect(downAgain.next.selection.$from.parent.textContent).toBe("Two");
  });

  it("does nothing at the edges", () => {
    expect(run(stateWithCaretIn(doc, "One"), -1).moved).toBe(false);
    expect(run(stateWithCaretIn(doc, "Three"), 1).moved).toBe(false);
  });

  it("moves a list item within its list, and a selected card among the blocks", () => {
    const list = { type: "doc", content: [{ type: "bulletList", content: [item("A"), item("B")] }, p("After")] };
    const { next } = run(stateWithCaretIn(list, "B"), -1);
    expect(next.doc.firstChild!.content.content.map((n) => n.textContent)).toEqual(["B", "A"]);
    expect(next.doc.childCount).toBe(2);

    const withCard = editorSchema().nodeFromJSON({
      type: "doc",
      content: [p("Intro"), { type: "frameworkCard", attrs: { slug: "nato" } }],
    });
    const state = EditorState.create({
      doc: withCard,
      selection: NodeSelection.create(withCard, withCard.firstChild!.nodeSize),
    });
    const moved = run(state, -1).next;
    expect(moved.doc.firstChild!.type.name).toBe("frameworkCard");
    expect((moved.selection as NodeSelection).node.type.name).toBe("frameworkCard");
  });
});
