import type { Editor } from "@tiptap/core";
import { keymap } from "@tiptap/pm/keymap";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { EditorState, NodeSelection, Plugin, PluginKey, TextSelection, type Transaction } from "@tiptap/pm/state";
import { StepMap } from "@tiptap/pm/transform";
import { Decoration, DecorationSet, EditorView, type NodeView } from "@tiptap/pm/view";
import { FOOTNOTE_NODE, FootnoteNode } from "@/lib/editor/nodes/footnote";
import { touchesNodes } from "@/lib/editor/touches";

/** Asks a footnote's view to open its editor and put the caret in it. */
const EDIT_EVENT = "footnote:edit";

/**
 * A footnote in the editor (after ProseMirror's footnote example): a numbered mark in the text
 * and, while the note is selected, a small editor of its own under the mark. That editor holds the
 * note's content; its steps are mapped into the briefing's document, so the note's text is
 * ordinary document text for Yjs (co-edited like any text) and remote changes flow back in.
 */
class FootnoteView implements NodeView {
  dom: HTMLElement;
  private inner: EditorView | null = null;

  constructor(
    private node: ProseMirrorNode,
    private readonly outer: EditorView,
    private readonly getPos: () => number | undefined,
    private readonly editor: Editor,
  ) {
    this.dom = document.createElement("span");
    this.dom.className = "footnote";
    this.dom.setAttribute("role", "button");
    this.dom.setAttribute("data-testid", "footnote");
    this.dom.addEventListener(EDIT_EVENT, () => this.open(true));
  }

  selectNode(): void {
    this.dom.classList.add("ProseMirror-selectednode");
    this.open(false);
  }

  deselectNode(): void {
    this.dom.classList.remove("ProseMirror-selectednode");
    this.close();
  }

  private open(focus: boolean): void {
    if (!this.inner) {
      const popup = this.dom.appendChild(document.createElement("span"));
      popup.className = "footnote__editor";
      this.inner = new EditorView(popup, {
        state: EditorState.create({ doc: this.node, plugins: [this.keys()] }),
        dispatchTransaction: (tr) => this.dispatchInner(tr),
        editable: () => this.editor.isEditable,
        attributes: {
          role: "textbox",
          "aria-label": `Footnote ${this.dom.getAttribute("data-n") ?? ""} text`.replace("  ", " "),
          "data-testid": "footnote-editor",
        },
        handleDOMEvents: {
          mousedown: () => {
            // Clicking into the note keeps it selected in the document while typing in it.
            if (this.outer.hasFocus()) this.inner?.focus();
            return false;
          },
        },
      });
    }
    if (focus) this.inner.focus();
  }

  private close(): void {
    this.inner?.destroy();
    this.inner = null;
    this.dom.querySelector(".footnote__editor")?.remove();
  }

  /** Escape, Enter or Tab leave the note: the caret goes back to the text right after its mark. */
  private keys(): Plugin {
    const leave = () => {
      const pos = this.getPos();
      if (pos === undefined) return false;
      const { state } = this.outer;
      this.outer.dispatch(state.tr.setSelection(TextSelection.create(state.doc, pos + this.node.nodeSize)));
      this.outer.focus();
      return true;
    };
    return keymap({
      Escape: leave,
      Enter: leave,
      Tab: leave,
      // History is the document's (Yjs undo): undo there, then the view follows.
      "Mod-z": () => this.editor.commands.undo(),
      "Mod-y": () => this.editor.commands.redo(),
      "Shift-Mod-z": () => this.editor.commands.redo(),
    });
  }

  private dispatchInner(tr: Transaction): void {
    if (!this.inner) return;
    const { state, transactions } = this.inner.state.applyTransaction(tr);
    this.inner.updateState(state);
    if (tr.getMeta("fromOutside")) return;
    const pos = this.getPos();
    if (pos === undefined) return;
    const outerTr = this.outer.state.tr;
    const offset = StepMap.offset(pos + 1);
    for (const t of transactions) for (const step of t.steps) outerTr.step(step.map(offset)!);
    if (outerTr.docChanged) this.outer.dispatch(outerTr);
  }

  update(node: ProseMirrorNode): boolean {
    if (!node.sameMarkup(this.node)) return false;
    this.node = node;
    if (this.inner) {
      // A change from elsewhere (a co-author, undo): bring the note's editor up to date.
      const { state } = this.inner;
      const start = node.content.findDiffStart(state.doc.content);
      if (start != null) {
        let { a: endA, b: endB } = node.content.findDiffEnd(state.doc.content)!;
        const overlap = start - Math.min(endA, endB);
        if (overlap > 0) {
          endA += overlap;
          endB += overlap;
        }
        this.inner.dispatch(state.tr.replace(start, endB, node.slice(start, endA)).setMeta("fromOutside", true));
      }
    }
    return true;
  }

  destroy(): void {
    this.close();
  }

  stopEvent(event: Event): boolean {
    return Boolean(this.inner?.dom.contains(event.target as Node));
  }

  ignoreMutation(): boolean {
    return true;
  }
}

const numbersKey = new PluginKey<DecorationSet>("footnoteNumbers");

/** Numbers the footnotes in document order (decorations: numbers are not stored). */
function numbers(doc: ProseMirrorNode): DecorationSet {
  const decorations: Decoration[] = [];
  let n = 0;
  doc.descendants((node, pos) => {
    if (node.type.name !== FOOTNOTE_NODE) return !node.isLeaf;
    n += 1;
    const text = node.textContent.trim();
    decorations.push(
      Decoration.node(pos, pos + node.nodeSize, {
        "data-n": String(n),
        "aria-label": text ? `Footnote ${n}: ${text}` : `Footnote ${n} (empty)`,
      }),
    );
    return false;
  });
  return DecorationSet.create(doc, decorations);
}

/** Opens the footnote right after the selection's start (just inserted) for typing. */
export function editFootnoteAt(editor: Editor, pos: number): void {
  const dom = editor.view.nodeDOM(pos);
  if (dom instanceof HTMLElement) dom.dispatchEvent(new Event(EDIT_EVENT));
}

/**
 * Inserts an empty footnote at the caret, selects it and puts the caret in its editor: the note
 * is numbered at once and typed in place.
 */
export function insertFootnote(editor: Editor): void {
  const { from } = editor.state.selection;
  editor.view.focus();
  const inserted = editor
    .chain()
    .insertContentAt(editor.state.selection, { type: FOOTNOTE_NODE })
    .command(({ tr }) => {
      tr.setSelection(NodeSelection.create(tr.doc, from));
      return true;
    })
    .run();
  if (inserted) editFootnoteAt(editor, from);
}

/** The footnote node with its browser view, numbering, and Enter on a selected note to edit it. */
export const FootnoteWithView = FootnoteNode.extend({
  addNodeView() {
    return ({ node, getPos, editor }) => new FootnoteView(node, editor.view, getPos, editor);
  },
  addKeyboardShortcuts() {
    return {
      "Mod-Alt-f": () => {
        if (!this.editor.isEditable) return false;
        insertFootnote(this.editor);
        return true;
      },
      Enter: () => {
        const { selection } = this.editor.state;
        if (!(selection instanceof NodeSelection) || selection.node.type.name !== FOOTNOTE_NODE) return false;
        editFootnoteAt(this.editor, selection.from);
        return true;
      },
    };
  },
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: numbersKey,
        state: {
          init: (_config, state) => numbers(state.doc),
          // Typing elsewhere only maps the numbers: no walk of a long briefing per keystroke.
          apply: (tr, previous) => {
            if (!tr.docChanged) return previous;
            return touchesNodes(tr, [FOOTNOTE_NODE]) ? numbers(tr.doc) : previous.map(tr.mapping, tr.doc);
          },
        },
        props: { decorations: (state) => numbersKey.getState(state) },
      }),
    ];
  },
});
