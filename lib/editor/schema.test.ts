import type { DOMOutputSpec, TagParseRule } from "@tiptap/pm/model";
import { describe, expect, it } from "vitest";
import { editorExtensions } from "./extensions";
import { editorSchema } from "./schema";

function fakeElement(attrs: Record<string, string>) {
  return { getAttribute: (name: string) => attrs[name] ?? null } as unknown as HTMLElement;
}

describe("editor schema", () => {
  const schema = editorSchema();

  it("has the briefing's nodes and marks and none of the excluded ones", () => {
    for (const node of ["doc", "paragraph", "heading", "bulletList", "orderedList", "blockquote", "horizontalRule"]) {
      expect(schema.nodes[node], node).toBeDefined();
    }
    for (const node of ["table", "tableRow", "tableCell", "tableHeader", "frameworkCard", "comparison"]) {
      expect(schema.nodes[node], node).toBeDefined();
    }
    for (const mark of ["bold", "italic", "underline", "strike", "link"])
      expect(schema.marks[mark], mark).toBeDefined();
    expect(schema.nodes.codeBlock).toBeUndefined();
    expect(schema.marks.code).toBeUndefined();
  });

  it("turns off ProseMirror history only when collaborating", () => {
    const starterKit = (collaborative: boolean) =>
      editorExtensions({ collaborative }).find((ext) => ext.name === "starterKit")?.options as Record<string, unknown>;
    expect(starterKit(true).undoRedo).toBe(false);
    expect(starterKit(false).undoRedo).not.toBe(false);
  });

  it("round-trips a framework card through data-* attributes", () => {
    const snapshot = JSON.stringify({ slug: "nato", name: "North Atlantic Treaty Organization", memberCount: 32 });
    const node = schema.nodes.frameworkCard!.create({
      slug: "nato",
      mode: "pinned",
      pinnedAt: "2026-11-27T10:00:00.000Z",
      snapshot,
    });
    const [tag, attrs, text] = schema.nodes.frameworkCard!.spec.toDOM!(node) as [
      string,
      Record<string, string>,
      string,
    ];
    expect(tag).toBe("div");
    expect(attrs).toMatchObject({
      "data-type": "framework-card",
      "data-slug": "nato",
      "data-mode": "pinned",
      "data-pinned-at": "2026-11-27T10:00:00.000Z",
      "data-snapshot": snapshot,
    });
    expect(text).toContain("nato");

    const rule = schema.nodes.frameworkCard!.spec.parseDOM![0] as TagParseRule;
    expect(rule.tag).toBe('div[data-type="framework-card"]');
    // An attribute at its default (portion: null) is left out of parsed attributes.
    expect(rule.getAttrs!(fakeElement(attrs))).toEqual({ ...node.attrs, portion: undefined });
  });

  it("gives a live framework card null pin attributes and omits them from HTML", () => {
    const node = schema.nodes.frameworkCard!.create({ slug: "aukus" });
    expect(node.attrs).toEqual({ slug: "aukus", mode: "live", pinnedAt: null, snapshot: null, portion: null });
    const [, attrs] = schema.nodes.frameworkCard!.spec.toDOM!(node) as [string, Record<string, string>];
    expect(attrs).not.toHaveProperty("data-snapshot");
    const rule = schema.nodes.frameworkCard!.spec.parseDOM![0] as TagParseRule;
    const parsed = rule.getAttrs!(fakeElement({ "data-slug": "aukus", "data-mode": "bogus" })) as Record<
      string,
      unknown
    >;
    expect(schema.nodes.frameworkCard!.create(parsed).attrs).toEqual(node.attrs);
  });

  it("round-trips a comparison through data-* attributes", () => {
    const node = schema.nodes.comparison!.create({ comparisonId: "cmp_1", title: "Asian forums" });
    const spec = schema.nodes.comparison!.spec.toDOM!(node) as DOMOutputSpec as [string, Record<string, string>];
    expect(spec[1]).toMatchObject({
      "data-type": "comparison",
      "data-comparison-id": "cmp_1",
      "data-title": "Asian forums",
    });
    const rule = schema.nodes.comparison!.spec.parseDOM![0] as TagParseRule;
    expect(rule.getAttrs!(fakeElement(spec[1]))).toEqual({ ...node.attrs, portion: undefined });
  });

  it("keeps template guidance on a paragraph as an attribute that HTML never shows", () => {
    const guidance = "State the issue in two sentences.";
    const node = schema.nodes.paragraph!.create({ guidance });
    expect(node.attrs).toEqual({ guidance, portion: null });
    expect(node.textContent).toBe("");
    expect(JSON.stringify(schema.nodes.paragraph!.spec.toDOM!(node))).not.toContain(guidance);
    expect(schema.nodes.paragraph!.create().attrs).toEqual({ guidance: null, portion: null });
  });

  it("carries a portion mark on every portion block, through data-portion", () => {
    for (const type of ["paragraph", "heading", "listItem", "table", "frameworkCard", "comparison"]) {
      expect(schema.nodes[type]!.spec.attrs, type).toHaveProperty("portion");
    }
    expect(schema.nodes.blockquote!.spec.attrs ?? {}).not.toHaveProperty("portion");
    const node = schema.nodes.paragraph!.create({ portion: "S/NOFORN" });
    const [, attrs] = schema.nodes.paragraph!.spec.toDOM!(node) as [string, Record<string, string>];
    expect(attrs).toMatchObject({ "data-portion": "S/NOFORN" });
    const rule = schema.nodes.paragraph!.spec.parseDOM![0] as TagParseRule;
    expect(rule.getAttrs?.(fakeElement({ "data-portion": "C/REL:USA,GBR" }))).toMatchObject({
      portion: "C/REL:USA,GBR",
    });
  });
});
