import * as Y from "yjs";
import { deriveBriefingContent } from "@/lib/briefings/doc/content";
import { BRIEFING_FRAGMENT } from "@/lib/editor/fragment";

/** Appends a paragraph holding `text` to a briefing document, as an editor would. */
export function appendParagraph(doc: Y.Doc, text: string): void {
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment(BRIEFING_FRAGMENT).push([paragraph]);
}

/** The text of every paragraph and heading of a briefing document, in order. */
export function blockTexts(doc: Y.Doc): string[] {
  return deriveBriefingContent(doc).text.split("\n");
}
