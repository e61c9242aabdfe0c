import type { Editor } from "@tiptap/core";
import type { NodeView } from "@tiptap/pm/view";
import { TableOfContentsNode } from "@/lib/editor/nodes/structure-blocks";
import type { OutlineEntry } from "@/lib/editor/outline";
import { getOutline } from "./heading-anchors";
import { jumpTo } from "./outline";

/** One key per outline, to redraw only when a heading's level, text or anchor changed. */
const signature = (entries: OutlineEntry[]) =>
  entries.map((e) => `${e.level}\u0001${e.id}\u0001${e.text}`).join("\u0002");

/** An empty list item of the table of contents, for the entry at `index`. */
function tocItem(index: number): HTMLLIElement {
  const li = document.createElement("li");
  li.appendChild(document.createElement("a")).dataset.index = String(index);
  return li;
}

/**
 * A table of contents block in the editor: the headings' links, redrawn in the same update that
 * changed a heading (from the outline the heading-anchors plugin computed for that change, so no
 * second walk of the document). Nothing is stored: the list is the document's headings.
 */
class TocView implements NodeView {
  readonly dom: HTMLElement;
  private readonly list: HTMLOListElement;
  private readonly empty: HTMLParagraphElement;
  private drawn = "";
  private entries: OutlineEntry[] = [];
  private readonly onUpdate = () => this.render();

  constructor(private readonly editor: Editor) {
    this.dom = document.createElement("nav");
    this.dom.className = "toc-block";
    this.dom.setAttribute("aria-label", "Table of contents");
    this.dom.setAttribute("data-testid", "toc-block");
    this.dom.contentEditable = "false";
    const title = this.dom.appendChild(document.createElement("p"));
    title.className = "toc-block__title";
    title.textContent = "Contents";
    this.list = this.dom.appendChild(document.createElement("ol"));
    this.list.className = "toc-block__list";
    this.empty = this.dom.appendChild(document.createElement("p"));
    this.empty.className = "toc-block__empty";
    this.empty.textContent = "Headings you add appear here.";
    this.list.addEventListener("click", (event) => {
      const link = (event.target as HTMLElement).closest("a");
      if (!link) return;
      event.preventDefault();
      const entry = this.entries[Number(link.dataset.index)];
      if (entry) jumpTo(this.editor as Parameters<typeof jumpTo>[0], entry);
    });
    editor.on("update", this.onUpdate);
    this.render();
  }

  /** Redraws the list when the outline changed; returns quickly otherwise (every keystroke calls it). */
  render(): void {
    const entries = getOutline(this.editor.state);
    const key = signature(entries);
    if (key === this.drawn) return;
    this.drawn = key;
    this.entries = entries;
    // Only the items that changed are touched: a keystroke in one heading rewrites one link, not
    // the whole list (rebuilding 200 items cost the browser a style and layout pass per keystroke).
    const items = this.list.children;
    entries.forEach((entry, index) => {
      const li = (items[index] as HTMLLIElement | undefined) ?? this.list.appendChild(tocItem(index));
      const a = li.firstElementChild as HTMLAnchorElement;
      const className = `toc-block__item toc-block__item--${Math.min(entry.level, 4)}`;
      if (li.className !== className) li.className = className;
      const href = `#${encodeURIComponent(entry.id)}`;
      if (a.getAttribute("href") !== href) a.setAttribute("href", href);
      if (a.textContent !== entry.text) a.textContent = entry.text;
    });
    while (items.length > entries.length) this.list.lastElementChild?.remove();
    this.empty.hidden = entries.length > 0;
    this.list.hidden = entries.length === 0;
  }

  update(node: { type: { name: string } }): boolean {
    return node.type.name === TableOfContentsNode.name;
  }

  stopEvent(event: Event): boolean {
    // Clicks on links are the view's own; the block is still selectable (and draggable) around them.
    return (
      event.type === "click" || (event.type === "mousedown" && Boolean((event.target as HTMLElement).closest("a")))
    );
  }

  ignoreMutation(): boolean {
    return true;
  }

  destroy(): void {
    this.editor.off("update", this.onUpdate);
  }
}

/** The table of contents node with its browser view. */
export const TableOfContentsWithView = TableOfContentsNode.extend({
  addNodeView() {
    return ({ editor }) => new TocView(editor);
  },
});
