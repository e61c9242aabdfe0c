import * as Y from "yjs";
import { BRIEFING_FRAGMENT } from "@/lib/editor/fragment";

/**
 * Nests `levels` list elements (bulletList > listItem > bulletList...) under `parent` in one
 * transaction, with a paragraph holding `text` at the bottom: what a crafted update builds.
 */
export function nestDeep(doc: Y.Doc, levels: number, text = "deep text", parent?: Y.XmlElement): Y.XmlElement {
  let current: Y.XmlFragment | Y.XmlElement = parent ?? doc.getXmlFragment(BRIEFING_FRAGMENT);
  doc.transact(() => {
    for (let i = 0; i < levels; i++) {
      const element = new Y.XmlElement(i % 2 ? "listItem" : "bulletList");
      current.push([element]);
      current = element;
    }
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText(text)]);
    current.push([paragraph]);
  });
  return current as Y.XmlElement;
}

/** A document nested `levels` deep, as the bytes a client would send. */
export function deepUpdate(levels: number, text?: string): Uint8Array {
  const doc = new Y.Doc();
  try {
    nestDeep(doc, levels, text);
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
