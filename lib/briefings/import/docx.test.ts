import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { editorSchema } from "@/lib/editor/schema";
import { AppError } from "@/lib/errors";
import { wordFile } from "@/lib/test/word-file";
import { docxToProsemirror } from "./docx";

async function refusal(bytes: Uint8Array): Promise<AppError> {
  const error = await docxToProsemirror(bytes).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("docxToProsemirror", () => {
  it("imports headings, marks, links, lists and tables, fits the schema, and reports the image it left out", async () => {
    const { content, notices } = await docxToProsemirror(await wordFile());
    const doc = editorSchema().nodeFromJSON(content);
    doc.check();
    const blocks = content.content ?? [];
    expect(blocks.map((b) => b.type)).toEqual([
      "heading",
      "paragraph",
      "heading",
      "bulletList",
      "orderedList",
      "table",
    ]);
    expect(blocks[0]).toMatchObject({ attrs: { level: 1 }, content: [{ text: "Options for AUKUS Pillar II" }] });
    const marks = (blocks[1]?.content ?? []).map((n) => [n.text, (n.marks ?? []).map((m) => m.type).join(",")]);
    expect(marks).toEqual([
      ["Bold", "bold"],
      [" and ", ""],
      ["italic", "italic"],
      [" and ", ""],
      ["underlined", "underline"],
      [" text with ", ""],
      ["a link", "link"],
      [".", ""],
    ]);
    expect(blocks[1]?.content?.[6]?.marks?.[0]?.attrs).toEqual({ href: "https://www.nato.int/" });
    expect(doc.child(3).textContent).toBe("First pointSecond point");
    expect(doc.child(5).textContent).toBe("FrameworkMembersNATO32");
    expect(notices).toEqual(["1 image was left out: briefings hold no images."]);
  });

  it("refuses what is not a Word document, and creates nothing from it", async () => {
    expect((await refusal(new TextEncoder().encode("# Not a zip"))).message).toMatch(/not a Word document/);
    expect((await refusal(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).message).toMatch(/not a Word document/);
    const otherZip = zipSync({ "readme.txt": new TextEncoder().encode("hello") });
    expect((await refusal(otherZip)).message).toMatch(/not a Word document/);
  });

  it("refuses a zip bomb from its directory, without unpacking it", async () => {
    const bomb = zipSync({ "word/document.xml": new Uint8Array(70 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect((await refusal(bomb)).message).toMatch(/more than 64 MB/);
  });

  it("says nothing about tracked changes when there are none", async () => {
    const { notices } = await docxToProsemirror(await wordFile());
    expect(notices.join(" ")).not.toMatch(/tracked change/);
  });
});
