import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { BRIEFING_FRAGMENT } from "@/lib/editor/fragment";
import { deepUpdate, nestDeep } from "@/lib/test/deep-doc";
import { appendParagraph } from "@/lib/test/ydoc";
import { MAX_DOCUMENT_DEPTH, treeDepth, updateDepth } from "./depth";

/** The updates `change` makes to a copy of `doc`, one per transaction. */
function updatesOf(doc: Y.Doc, change: (copy: Y.Doc) => void): Uint8Array[] {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const updates: Uint8Array[] = [];
  copy.on("update", (update: Uint8Array) => updates.push(update));
  change(copy);
  copy.destroy();
  return updates;
}

describe("document depth", () => {
  it("measures what an update would add, counting from where it lands in the document", () => {
    const doc = new Y.Doc();
    expect(updateDepth(doc, deepUpdate(10))).toBe(12); // 10 list levels, a paragraph, its text
    Y.applyUpdate(doc, deepUpdate(10));
    expect(treeDepth(doc.getXmlFragment(BRIEFING_FRAGMENT))).toBe(12);
    const [typing] = updatesOf(doc, (copy) => {
      const text = copy.getXmlFragment(BRIEFING_FRAGMENT).get(0) as Y.XmlElement;
      nestDeep(copy, 0, "x", text); // a paragraph under the top list: level 2 and 3
    });
    expect(updateDepth(doc, typing!)).toBe(3);
    const [deeper] = updatesOf(doc, (copy) => {
      let element = copy.getXmlFragment(BRIEFING_FRAGMENT).get(0) as Y.XmlElement;
      for (let i = 1; i < 10; i++) element = element.get(0) as Y.XmlElement;
      nestDeep(copy, 4, "y", element); // under level 10: 4 more lists, a paragraph, its text
    });
    expect(updateDepth(doc, deeper!)).toBe(16);
  });

  it("costs nothing beyond decoding for an update that inserts only text", () => {
    const doc = new Y.Doc();
    appendParagraph(doc, "hello");
    const [typing] = updatesOf(doc, (copy) => {
      const paragraph = copy.getXmlFragment(BRIEFING_FRAGMENT).get(0) as Y.XmlElement;
      (paragraph.get(0) as Y.XmlText).insert(5, " world");
    });
    expect(updateDepth(doc, typing!)).toBe(0);
  });

  it("measures a 20,000-level update without recursing", () => {
    expect(updateDepth(new Y.Doc(), deepUpdate(20_000))).toBe(20_002);
  });

  it("catches a deep chain sent in pieces whose anchor arrives last", () => {
    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on("update", (update: Uint8Array) => updates.push(update));
    let anchor = nestDeep(source, 40, "anchor"); // [0]: the lists the rest hangs under
    for (let piece = 0; piece < 2; piece++) anchor = nestDeep(source, 30, `piece ${piece}`, anchor);
    const server = new Y.Doc();
    // Every piece but the first arrives early: each alone is pending and shallow enough.
    for (const update of updates.slice(1)) {
      expect(updateDepth(server, update)).toBeLessThanOrEqual(MAX_DOCUMENT_DEPTH);
      Y.applyUpdate(server, update);
    }
    expect(server.store.pendingStructs).not.toBeNull();
    expect(updateDepth(server, updates[0]!)).toBeGreaterThan(MAX_DOCUMENT_DEPTH);
  });
});
