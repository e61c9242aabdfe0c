import { describe, expect, it } from "vitest";
import { findMatches } from "./find";
import { editorSchema } from "./schema";

const schema = editorSchema();
const doc = (json: unknown) => schema.nodeFromJSON(json);
const paragraph = (...content: unknown[]) => ({ type: "paragraph", content });
const text = (value: string, marks?: unknown[]) => ({ type: "text", text: value, ...(marks ? { marks } : {}) });
const any = { caseSensitive: false, wholeWord: false };

function found(json: unknown, query: string, options = any): string[] {
  const document = doc(json);
  return findMatches(document, query, options).map((m) => document.textBetween(m.from, m.to));
}

describe("findMatches", () => {
  it("finds across marks, ignoring case unless asked", () => {
    const json = {
      type: "doc",
      content: [paragraph(text("NATO and "), text("nato", [{ type: "bold" }]), text("-led missions"))],
    };
    expect(found(json, "nato")).toEqual(["NATO", "nato"]);
    expect(found(json, "NATO", { caseSensitive: true, wholeWord: false })).toEqual(["NATO"]);
    expect(found(json, "o an")).toEqual(["O an"]);
  });

  it("gives positions that select exactly the matched text", () => {
    const document = doc({
      type: "doc",
      content: [{ type: "heading", attrs: { level: 2 }, content: [text("Five Eyes")] }, paragraph(text("Eyes only"))],
    });
    const matches = findMatches(document, "eyes", any);
    expect(matches).toHaveLength(2);
    expect(matches.map((m) => document.textBetween(m.from, m.to))).toEqual(["Eyes", "Eyes"]);
    expect(matches[0]?.from).toBeLessThan(matches[1]?.from ?? 0);
  });

  it("matches whole words in any script", () => {
    const json = { type: "doc", content: [paragraph(text("ASEAN, ASEAN-led and ADMM-Plus; Éire éire"))] };
    expect(found(json, "asean", { caseSensitive: false, wholeWord: true })).toEqual(["ASEAN", "ASEAN"]);
    expect(found(json, "admm", { caseSensitive: false, wholeWord: true })).toEqual(["ADMM"]);
    expect(found(json, "ire", { caseSensitive: false, wholeWord: true })).toEqual([]);
    expect(found(json, "éire", { caseSensitive: false, wholeWord: true })).toEqual(["Éire", "éire"]);
  });

  it("does not run across a hard break or between paragraphs", () => {
    const json = {
      type: "doc",
      content: [
        paragraph(text("Camp"), { type: "hardBreak" }, text("David")),
        paragraph(text("Camp")),
        paragraph(text("David")),
      ],
    };
    expect(found(json, "campdavid")).toEqual([]);
    expect(found(json, "david")).toEqual(["David", "David"]);
  });

  it("treats the query as text, not as a pattern", () => {
    const json = { type: "doc", content: [paragraph(text("Art. 5 (1949) costs $2.5bn [sic]"))] };
    expect(found(json, "(1949)")).toEqual(["(1949)"]);
    expect(found(json, "$2.5")).toEqual(["$2.5"]);
    expect(found(json, "[sic]")).toEqual(["[sic]"]);
    expect(found(json, ".")).toEqual([".", "."]);
    expect(found(json, "")).toEqual([]);
  });

  it("counts positions in UTF-16 units like ProseMirror (emoji, CJK)", () => {
    const json = { type: "doc", content: [paragraph(text("🇯🇵 日米同盟 and 日米"))] };
    expect(found(json, "日米")).toEqual(["日米", "日米"]);
  });
});
