import { describe, expect, it } from "vitest";
import { filterForRelease, portionsOf, withPortionLabels } from "./document";
import { shippedProfile } from "./shipped";

const us = shippedProfile("us-cnsi")!;
const text = (t: string) => [{ type: "text", text: t }];
const doc = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 1, portion: "U" }, content: text("Title") },
    {
      type: "bulletList",
      content: [
        {
          type: "listItem",
          attrs: { portion: "S/REL:FVEY" },
          content: [{ type: "paragraph", content: text("Shared item") }],
        },
        {
          type: "listItem",
          attrs: { portion: "S/NOFORN" },
          content: [{ type: "paragraph", content: text("Own item") }],
        },
      ],
    },
    {
      type: "blockquote",
      content: [{ type: "paragraph", attrs: { portion: "C/NOFORN" }, content: text("Quoted") }],
    },
    { type: "frameworkCard", attrs: { slug: "nato" } },
  ],
};

describe("portions of a document", () => {
  it("are the outermost markable blocks, in order, with where they are", () => {
    expect(portionsOf(doc)).toEqual([
      { mark: "U", card: false, where: "Heading 1 (“Title”)" },
      { mark: "S/REL:FVEY", card: false, where: "List item 2 (“Shared item”)" },
      { mark: "S/NOFORN", card: false, where: "List item 3 (“Own item”)" },
      { mark: "C/NOFORN", card: false, where: "Paragraph 4 (“Quoted”)" },
      { mark: null, card: true, where: "Framework card 5 (“nato”)" },
    ]);
  });

  it("drops non-releasable portions and the containers they leave empty", () => {
    const { doc: released, withheld } = filterForRelease(us, doc, "GBR");
    expect(withheld).toBe(2);
    expect(released.content?.map((n) => n.type)).toEqual(["heading", "bulletList", "frameworkCard"]);
    expect(released.content?.[1]?.content).toHaveLength(1);
    // The source document is not changed.
    expect(doc.content[1]?.content).toHaveLength(2);
  });

  it("prints marks at the start of text blocks and list items, and as a line before cards", () => {
    const labelled = withPortionLabels(us, doc);
    expect(labelled.content?.[0]?.content?.[0]).toEqual({ type: "text", text: "(U) " });
    expect(labelled.content?.[1]?.content?.[0]?.content?.[0]?.content?.[0]).toEqual({
      type: "text",
      text: "(S//REL TO FVEY) ",
    });
    // The card counts as the lowest level: "(U)" on its own line before it.
    expect(labelled.content?.slice(-2).map((n) => n.type)).toEqual(["paragraph", "frameworkCard"]);
    expect(labelled.content?.at(-2)?.content?.[0]?.text).toBe("(U)");
  });
});
