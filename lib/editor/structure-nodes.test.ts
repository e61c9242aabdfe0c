import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { deriveBriefingContent, prosemirrorJsonToText } from "@/lib/briefings/doc/content";
import { prosemirrorJsonToYUpdate } from "@/lib/briefings/doc/ydoc";
import { BRIEFING_FRAGMENT } from "./fragment";
import { parseCitationSources } from "./nodes/citation";
import { editorSchema } from "./schema";

const source = { title: "Rules", url: "https://example.org/rules", publisher: null, accessed: null };
const JSON_DOC = {
  type: "doc",
  content: [
    {
      type: "callout",
      attrs: { variant: "bluf" },
      content: [{ type: "paragraph", content: [{ type: "text", text: "Agree." }] }],
    },
    { type: "tableOfContents" },
    {
      type: "paragraph",
      content: [
        { type: "text", text: "Decided together" },
        {
          type: "citation",
          attrs: {
            slug: "nato",
            dimension: "decision_rule",
            label: "NATO: Decision rule",
            sources: JSON.stringify([source]),
          },
        },
        { type: "footnote", content: [{ type: "text", text: "See annex." }] },
        { type: "text", text: " today." },
      ],
    },
  ],
};

/** The Y.XmlText inside the first footnote of a briefing's Yjs document. */
function footnoteText(doc: Y.Doc): Y.XmlText {
  const paragraph = doc.getXmlFragment(BRIEFING_FRAGMENT).get(2) as Y.XmlElement;
  const footnote = paragraph.toArray().find((n) => n instanceof Y.XmlElement && n.nodeName === "footnote");
  return (footnote as Y.XmlElement).get(0) as Y.XmlText;
}

describe("footnote, citation, table of contents and callout nodes", () => {
  it("are part of the one schema, with footnotes inline and holding text", () => {
    const schema = editorSchema();
    const doc = schema.nodeFromJSON(JSON_DOC);
    doc.check();
    expect(schema.nodes.footnote?.isInline).toBe(true);
    expect(schema.nodes.footnote?.spec.atom).toBe(true);
    expect(schema.nodes.citation?.isLeaf).toBe(true);
    expect(schema.nodes.tableOfContents?.isBlock).toBe(true);
    // A callout holds paragraphs and lists, not cards or another callout.
    expect(() =>
      schema.nodeFromJSON({ type: "callout", content: [{ type: "frameworkCard", attrs: { slug: "x" } }] }).check(),
    ).toThrow();
  });

  it("co-edits a footnote's text character by character, like any text (two replicas merge)", () => {
    const update = prosemirrorJsonToYUpdate(JSON_DOC);
    const a = new Y.Doc();
    const b = new Y.Doc();
    Y.applyUpdate(a, update);
    Y.applyUpdate(b, update);
    // Concurrent edits at both ends of the note's text.
    footnoteText(a).insert(0, "Also: ");
    footnoteText(b).insert("See annex.".length, " Page 4.");
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(footnoteText(a).toString()).toBe("Also: See annex. Page 4.");
    expect(footnoteText(b).toString()).toBe("Also: See annex. Page 4.");
    // The server's derived JSON reads the merged note back, valid for the schema.
    const { json, text } = deriveBriefingContent(a);
    editorSchema().nodeFromJSON(json).check();
    expect(text).toContain("Decided together[NATO: Decision rule] [Also: See annex. Page 4.] today.");
  });

  it("derives plain text with a footnote kept in its sentence's line", () => {
    expect(prosemirrorJsonToText(JSON_DOC).split("\n")).toEqual([
      "Agree.",
      "Decided together[NATO: Decision rule] [See annex.] today.",
    ]);
  });

  it("reads only well-formed citation sources", () => {
    expect(parseCitationSources(JSON.stringify([source]))).toEqual([source]);
    expect(parseCitationSources("[]")).toBeNull();
    expect(parseCitationSources("{")).toBeNull();
    expect(parseCitationSources(JSON.stringify([{ title: 1 }]))).toBeNull();
    expect(parseCitationSources(null)).toBeNull();
  });
});
