import { describe, expect, it } from "vitest";
import { headingSlug, outlineOf } from "./outline";
import { editorSchema } from "./schema";

const heading = (level: number, text: string) => ({
  type: "heading",
  attrs: { level },
  content: text ? [{ type: "text", text }] : [],
});
const paragraph = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });

describe("headingSlug", () => {
  it("keeps letters and digits of any script and folds the rest to hyphens", () => {
    expect(headingSlug("Article 5: Collective defence")).toBe("article-5-collective-defence");
    expect(headingSlug("  Éire & the EU  ")).toBe("éire-the-eu");
    expect(headingSlug("日米同盟の役割")).toBe("日米同盟の役割");
    expect(headingSlug("???")).toBe("section");
    expect(headingSlug("x".repeat(100))).toHaveLength(60);
  });
});

describe("outlineOf", () => {
  it("lists headings in order with levels, positions and unique ids; empty headings are left out", () => {
    const doc = editorSchema().nodeFromJSON({
      type: "doc",
      content: [
        heading(1, "Summary"),
        paragraph("Text"),
        heading(2, "Background"),
        heading(3, ""),
        heading(2, "Background"),
        paragraph("More"),
        heading(3, "Options"),
      ],
    });
    const outline = outlineOf(doc);
    expect(outline.map((e) => [e.level, e.text, e.id])).toEqual([
      [1, "Summary", "summary"],
      [2, "Background", "background"],
      [2, "Background", "background-2"],
      [3, "Options", "options"],
    ]);
    for (const entry of outline) expect(doc.nodeAt(entry.pos)?.textContent).toBe(entry.text);
  });
});
