import MarkdownIt from "markdown-it";
import footnote from "markdown-it-footnote";
import { describe, expect, it } from "vitest";
import { buildDoc, heading, STRUCTURED, text } from "@/lib/test/export-documents";
import { toMarkdown } from "./markdown";

// Footnotes are read by markdown-it with its footnote plugin (GFM's syntax: `[^label]`
// references, `[^label]: text` definitions), and by plain markdown-it (a renderer without them).

describe("Markdown structure", () => {
  it("has one # title with the briefing's headings one level down", () => {
    const tokens = new MarkdownIt().parse(toMarkdown(STRUCTURED), {});
    const headings = tokens.filter((t) => t.type === "heading_open").map((t) => t.tag);
    expect(headings).toEqual(["h1", "h2", "h3", "h2", "h2"]); // title, Background, Options, Frameworks, Sources
  });

  it("writes citations as GFM footnotes whose definitions are the Sources entries", () => {
    const markdown = toMarkdown(STRUCTURED);
    const references = [...markdown.matchAll(/\[\^(\d+)\](?!:)/g)].map((m) => Number(m[1]));
    const definitions = [...markdown.matchAll(/^\[\^(\d+)\]: (.*)$/gm)].map((m) => [Number(m[1]), m[2]]);
    expect(new Set(references)).toEqual(new Set([1, 2]));
    expect(definitions).toEqual([
      [1, "\\[1\\] [Source 1](https://example.org/1)."],
      [2, "\\[2\\] [Source 2](https://example.org/2)."],
    ]);
    // Definitions come after the "Sources" heading, each once.
    expect(markdown.indexOf("[^1]: ")).toBeGreaterThan(markdown.indexOf("## Sources"));
    // A renderer with footnotes links every reference to its definition.
    const md = new MarkdownIt().use(footnote);
    const tokens = md.parse(markdown, {});
    const refs = tokens.flatMap((t) => t.children ?? []).filter((t) => t.type === "footnote_ref");
    expect(refs.map((t) => t.meta?.label)).toEqual(expect.arrayContaining(["1", "2"]));
    expect(new Set(refs.map((t) => t.meta?.label)).size).toBe(2);
    expect(tokens.filter((t) => t.type === "footnote_open").map((t) => t.meta?.label)).toEqual(["1", "2"]);
    const withNotes = md.render(markdown);
    expect(withNotes).toMatch(
      /<li id="fn1" class="footnote-item"><p>\[1\] <a href="https:\/\/example.org\/1">Source 1<\/a>\./,
    );
    // A renderer without footnotes still shows every entry (none is read as a link definition).
    const html = new MarkdownIt().render(markdown);
    expect(html).toContain('[^1]: [1] <a href="https://example.org/1">Source 1</a>.');
  });

  it("escapes renderer-special characters, keeps underline as ++text++ and drops control characters", () => {
    const doc = buildDoc([
      heading("Costs"),
      {
        type: "paragraph",
        inlines: [
          text("Costs $5 to $10 :smile: ==marked== x^2^ {#id} \u0007bell\u009b "),
          text("underlined", { underline: true }),
        ],
      },
    ]);
    const markdown = toMarkdown(doc);
    expect(markdown).toContain(
      "Costs \\$5 to \\$10 \\:smile\\: \\=\\=marked\\=\\= x\\^2\\^ \\{#id\\} bell ++underlined++",
    );
    // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting they are gone.
    expect(markdown).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/);
    const rendered = new MarkdownIt().render(markdown);
    expect(rendered).toContain("Costs $5 to $10 :smile: ==marked== x^2^ {#id} bell ++underlined++");
  });
});
