import { describe, expect, it } from "vitest";
import { prosemirrorJsonToText } from "@/lib/briefings/doc/content";
import { prosemirrorJsonToYUpdate } from "@/lib/briefings/doc/ydoc";
import { markdownToProsemirror } from "./markdown";

const text = (value: string, marks?: unknown[]) => ({ type: "text", text: value, ...(marks ? { marks } : {}) });

describe("markdownToProsemirror", () => {
  it("maps headings, marks and links onto the editor schema", () => {
    const doc = markdownToProsemirror("## Aims\n\nA **bold**, *italic*, ~~old~~ [link](https://example.org).");
    expect(doc.content).toEqual([
      { type: "heading", attrs: { level: 2 }, content: [text("Aims")] },
      {
        type: "paragraph",
        content: [
          text("A "),
          text("bold", [{ type: "bold" }]),
          text(", "),
          text("italic", [{ type: "italic" }]),
          text(", "),
          text("old", [{ type: "strike" }]),
          text(" "),
          text("link", [{ type: "link", attrs: { href: "https://example.org" } }]),
          text("."),
        ],
      },
    ]);
  });

  it("keeps nested lists, blockquotes and tables valid for the schema", () => {
    const doc = markdownToProsemirror("- a\n  1. b\n\n> quote\n\n| A | B |\n|---|---|\n| 1 | |\n\n---\n\n-\n");
    expect(doc.content?.map((n) => n.type)).toEqual([
      "bulletList",
      "blockquote",
      "table",
      "horizontalRule",
      "bulletList",
    ]);
    expect(() => prosemirrorJsonToYUpdate(doc)).not.toThrow();
    expect(doc.content?.[0]?.content?.[0]?.content?.[1]).toMatchObject({ type: "orderedList", attrs: { start: 1 } });
  });

  it("turns code into plain paragraphs, clamps deep headings and keeps HTML as text", () => {
    const doc = markdownToProsemirror("```\nx = 1\n```\n\n###### Deep\n\n<script>alert(1)</script> `inline`");
    expect(() => prosemirrorJsonToYUpdate(doc)).not.toThrow();
    expect(doc.content?.[1]).toMatchObject({ type: "heading", attrs: { level: 4 } });
    expect(prosemirrorJsonToText(doc)).toBe("x = 1\nDeep\n<script>alert(1)</script> inline");
  });

  it("drops javascript: links and gives an empty document one paragraph", () => {
    const doc = markdownToProsemirror("[x](javascript:alert(1))");
    expect(JSON.stringify(doc)).not.toContain('"link"');
    expect(markdownToProsemirror("")).toEqual({ type: "doc", content: [{ type: "paragraph" }] });
    expect(() => prosemirrorJsonToYUpdate(markdownToProsemirror("   \n\n"))).not.toThrow();
  });
});
