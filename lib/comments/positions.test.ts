// The comment highlights' position resolver gives exactly what y-tiptap's own resolver gives, for
// every position of documents with paragraphs, headings, lists and tables, after random edits.
import type { JSONContent } from "@tiptap/core";
import { initProseMirrorDoc, relativePositionToAbsolutePosition } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { prosemirrorJsonToYUpdate } from "@/lib/briefings/doc/ydoc";
import { BRIEFING_FRAGMENT } from "@/lib/editor/fragment";
import { editorSchema } from "@/lib/editor/schema";
import { type Mapping, positionResolver } from "./positions";

const text = (t: string): JSONContent => ({ type: "text", text: t });
const paragraph = (t: string): JSONContent => ({ type: "paragraph", content: [text(t)] });

function documentJson(blocks: number): JSONContent {
  const content: JSONContent[] = [];
  for (let i = 0; i < blocks; i++) {
    if (i % 7 === 3) content.push({ type: "heading", attrs: { level: 2 }, content: [text(`Heading ${i}`)] });
    else if (i % 7 === 5)
      content.push({
        type: "bulletList",
        content: [
          { type: "listItem", content: [paragraph(`item ${i}.1`)] },
          { type: "listItem", content: [paragraph(`item ${i}.2`), paragraph("second paragraph")] },
        ],
      });
    else if (i % 11 === 8)
      content.push({
        type: "table",
        content: [0, 1].map((r) => ({
          type: "tableRow",
          content: [0, 1].map((c) => ({ type: "tableCell", content: [paragraph(`cell ${i} ${r} ${c}`)] })),
        })),
      });
    else content.push(paragraph(`Paragraph ${i} about alliance funding and posture.`));
  }
  return { type: "doc", content };
}

/** Every text position of the fragment as a relative position (both associations), plus element starts. */
function allPositions(fragment: Y.XmlFragment): Y.RelativePosition[] {
  const out: Y.RelativePosition[] = [];
  const visit = (type: Y.XmlFragment | Y.XmlElement | Y.XmlText) => {
    if (type instanceof Y.XmlText) {
      for (let i = 0; i <= type.length; i++)
        for (const assoc of [-1, 0]) out.push(Y.createRelativePositionFromTypeIndex(type, i, assoc));
      return;
    }
    for (let i = 0; i <= type.length; i++) out.push(Y.createRelativePositionFromTypeIndex(type, i));
    for (const child of type.toArray()) visit(child as Y.XmlElement | Y.XmlText);
  };
  visit(fragment);
  return out;
}

function check(ydoc: Y.Doc, positions: Y.RelativePosition[]) {
  const fragment = ydoc.getXmlFragment(BRIEFING_FRAGMENT);
  const { mapping } = initProseMirrorDoc(fragment, editorSchema()) as unknown as { mapping: Mapping };
  const resolve = positionResolver(ydoc, fragment, mapping);
  const expected = positions.map((p) => relativePositionToAbsolutePosition(ydoc, fragment, p, mapping as never));
  expect(positions.map(resolve)).toEqual(expected);
  return expected.filter((p) => p !== null).length;
}

describe("positionResolver", () => {
  it("matches y-tiptap's resolver on every position, before and after random edits and deletions", () => {
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, prosemirrorJsonToYUpdate(documentJson(60)));
    const fragment = ydoc.getXmlFragment(BRIEFING_FRAGMENT);
    const positions = allPositions(fragment);
    expect(check(ydoc, positions)).toBeGreaterThan(1000);

    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 40; round++) {
      const block = fragment.get(random(fragment.length));
      if (round % 5 === 4) {
        fragment.delete(random(fragment.length), 1); // whole blocks go: their positions resolve to null or move
      } else if (block instanceof Y.XmlElement && block.get(0) instanceof Y.XmlText) {
        const t = block.get(0) as Y.XmlText;
        if (round % 2) t.insert(random(t.length + 1), "inserted words ");
        else if (t.length > 3) t.delete(random(t.length - 2), 2);
      } else {
        fragment.insert(random(fragment.length + 1), [new Y.XmlElement("paragraph")]);
      }
    }
    // The positions taken before the edits, and new ones.
    expect(check(ydoc, positions)).toBeGreaterThan(500);
    check(ydoc, allPositions(fragment));
  });
});
