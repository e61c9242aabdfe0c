import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { type BlockChange, blockRestore, diffDocuments, type InlinePart } from "./diff";
import { blockLabel } from "./diff-notes";
import { DiffBudget, diffSequences } from "./diff-sequence";
import { blockText } from "./diff-text";

const text = (value: string, marks: string[] = []): JSONContent =>
  marks.length ? { type: "text", text: value, marks: marks.map((type) => ({ type })) } : { type: "text", text: value };
const p = (...content: (string | JSONContent)[]): JSONContent => ({
  type: "paragraph",
  content: content.map((c) => (typeof c === "string" ? text(c) : c)).filter((c) => c.text !== ""),
});
const h = (level: number, value: string): JSONContent => ({
  type: "heading",
  attrs: { level },
  content: [text(value)],
});
const doc = (...content: JSONContent[]): JSONContent => ({ type: "doc", content });
const cell = (value: string): JSONContent => ({ type: "tableCell", content: [p(value)] });
const table = (rows: string[][]): JSONContent => ({
  type: "table",
  content: rows.map((row) => ({ type: "tableRow", content: row.map(cell) })),
});
const list = (...items: string[]): JSONContent => ({
  type: "bulletList",
  content: items.map((item) => ({ type: "listItem", content: [p(item)] })),
});
const card = (slug: string, mode: "live" | "pinned", snapshot: string | null = null): JSONContent => ({
  type: "frameworkCard",
  attrs: { slug, mode, pinnedAt: mode === "pinned" ? "2026-11-01T00:00:00.000Z" : null, snapshot },
});

const kinds = (diff: { blocks: BlockChange[] }) => diff.blocks.map((b) => b.kind);
const parts = (change: BlockChange | undefined): InlinePart[] => (change?.kind === "change" ? change.parts : []);
const edits = (change: BlockChange | undefined) =>
  parts(change)
    .filter((part) => part.kind !== "same")
    .map((part) => [part.kind, part.text]);

describe("diffDocuments on known documents", () => {
  it("reports identical documents as all same, with zero stats", () => {
    const d = doc(h(2, "Summary"), p("One."), list("a", "b"), table([["x", "y"]]), card("nato", "live"));
    const diff = diffDocuments(d, structuredClone(d));
    expect(kinds(diff)).toEqual(["same", "same", "same", "same", "same"]);
    expect(diff.stats).toEqual({ inserted: 0, deleted: 0, changedBlocks: 0 });
  });

  it("handles empty documents on either side", () => {
    expect(diffDocuments(doc(), doc())).toEqual({ blocks: [], stats: { inserted: 0, deleted: 0, changedBlocks: 0 } });
    expect(diffDocuments({ type: "doc" }, { type: "doc" }).blocks).toEqual([]);
    const added = diffDocuments(doc(), doc(p("Two words"), card("nato", "live")));
    expect(kinds(added)).toEqual(["insert", "insert"]);
    expect(added.stats).toEqual({ inserted: 3, deleted: 0, changedBlocks: 2 });
    const removed = diffDocuments(doc(p("Two words")), { type: "doc" });
    expect(removed.blocks).toEqual([{ kind: "delete", from: p("Two words"), fromIndex: 0 }]);
    expect(removed.stats).toEqual({ inserted: 0, deleted: 2, changedBlocks: 1 });
  });

  it("diffs a paragraph edited in the middle word by word", () => {
    const diff = diffDocuments(
      doc(h(1, "Title"), p("The alliance met in Brussels on Monday to agree the budget."), p("End.")),
      doc(h(1, "Title"), p("The alliance met in Vilnius on Monday to agree the budget."), p("End.")),
    );
    expect(kinds(diff)).toEqual(["same", "change", "same"]);
    expect(parts(diff.blocks[1])).toEqual([
      { kind: "same", text: "The alliance met in " },
      { kind: "delete", text: "Brussels" },
      { kind: "insert", text: "Vilnius" },
      { kind: "same", text: " on Monday to agree the budget." },
    ]);
    expect(diff.blocks[1]).toMatchObject({ fromIndex: 1, toIndex: 1 });
    expect(diff.stats).toEqual({ inserted: 1, deleted: 1, changedBlocks: 1 });
  });

  it("folds a rewritten phrase into one deletion and one insertion", () => {
    const diff = diffDocuments(doc(p("We expect the cat sat here.")), doc(p("We expect a dog ran here.")));
    expect(edits(diff.blocks[0])).toEqual([
      ["delete", "the cat sat"],
      ["insert", "a dog ran"],
    ]);
    // A kept word longer than the edits around it stays kept.
    const kept = diffDocuments(doc(p("We expect the cat to sit here.")), doc(p("We expect a dog to run here.")));
    expect(edits(kept.blocks[0])).toEqual([
      ["delete", "the cat"],
      ["insert", "a dog"],
      ["delete", "sit"],
      ["insert", "run"],
    ]);
  });

  it("reports an inserted and a removed block at their indices", () => {
    const base = [p("Alpha paragraph."), p("Bravo paragraph."), p("Charlie paragraph.")];
    const inserted = diffDocuments(doc(...base), doc(base[0]!, p("A brand new idea entirely."), base[1]!, base[2]!));
    expect(kinds(inserted)).toEqual(["same", "insert", "same", "same"]);
    expect(inserted.blocks[1]).toEqual({ kind: "insert", to: p("A brand new idea entirely."), toIndex: 1 });
    expect(inserted.blocks[2]).toMatchObject({ fromIndex: 1, toIndex: 2 });

    const removed = diffDocuments(doc(...base), doc(base[0]!, base[2]!));
    expect(kinds(removed)).toEqual(["same", "delete", "same"]);
    expect(removed.blocks[1]).toEqual({ kind: "delete", from: base[1], fromIndex: 1 });
  });

  it("marks a moved block on both its deletion and its insertion", () => {
    const blocks = [p("First point about trade."), p("Second point on energy."), p("Third on defence."), h(2, "Next")];
    const diff = diffDocuments(doc(...blocks), doc(blocks[1]!, blocks[2]!, blocks[3]!, blocks[0]!));
    expect(diff.blocks).toContainEqual({ kind: "delete", from: blocks[0], fromIndex: 0, movedTo: 3 });
    expect(diff.blocks).toContainEqual({ kind: "insert", to: blocks[0], toIndex: 3, movedFrom: 0 });
    expect(kinds(diff).filter((k) => k === "same")).toHaveLength(3);
  });

  it("reports a heading level change as a change with a note and no word edits", () => {
    const diff = diffDocuments(doc(h(2, "Background")), doc(h(3, "Background")));
    expect(diff.blocks[0]).toMatchObject({
      kind: "change",
      notes: ["Heading 2 → Heading 3"],
      parts: [{ kind: "same", text: "Background" }],
    });
    expect(diff.stats).toEqual({ inserted: 0, deleted: 0, changedBlocks: 1 });
  });

  it("notes a paragraph turned into a heading", () => {
    const diff = diffDocuments(doc(p("Key findings")), doc(h(2, "Key findings")));
    expect(diff.blocks[0]).toMatchObject({ kind: "change", notes: ["Paragraph → Heading 2"] });
  });

  it("reports a mark-only change as same text with fromMarks", () => {
    const diff = diffDocuments(
      doc(p("The treaty is binding on all parties.")),
      doc(p("The treaty is ", text("binding", ["bold"]), " on all parties.")),
    );
    expect(diff.blocks[0]).toMatchObject({ kind: "change", notes: ["formatting changed"] });
    expect(parts(diff.blocks[0])).toEqual([
      { kind: "same", text: "The treaty is " },
      { kind: "same", text: "binding", marks: ["bold"], fromMarks: [] },
      { kind: "same", text: " on all parties." },
    ]);
    expect(diff.stats).toEqual({ inserted: 0, deleted: 0, changedBlocks: 1 });
  });

  it("notes a changed link target as a formatting change", () => {
    const link = (href: string) => ({ type: "text", text: "report", marks: [{ type: "link", attrs: { href } }] });
    const diff = diffDocuments(
      doc(p("See the ", link("https://a.example"))),
      doc(p("See the ", link("https://b.example"))),
    );
    expect(parts(diff.blocks[0])[1]).toEqual({ kind: "same", text: "report", marks: ["link"], fromMarks: ["link"] });
  });

  it("diffs a table cell change inside the table's flattened text", () => {
    const diff = diffDocuments(
      doc(
        table([
          ["Country", "Troops"],
          ["Estonia", "1200"],
        ]),
      ),
      doc(
        table([
          ["Country", "Troops"],
          ["Estonia", "1500"],
        ]),
      ),
    );
    expect(kinds(diff)).toEqual(["change"]);
    expect(parts(diff.blocks[0])).toEqual([
      { kind: "same", text: "Country\tTroops\nEstonia\t" },
      { kind: "delete", text: "1200" },
      { kind: "insert", text: "1500" },
    ]);
  });

  it("diffs an item added to a list as an insertion in the list", () => {
    const diff = diffDocuments(doc(list("Sanctions", "Aid")), doc(list("Sanctions", "Aid", "Training")));
    expect(edits(diff.blocks[0])).toEqual([["insert", "\nTraining"]]);
    expect(diff.stats.inserted).toBe(1);
  });

  it("reports a card going from pinned to live by its attributes", () => {
    const snapshot = JSON.stringify({ name: "North Atlantic Treaty Organization", acronym: "NATO" });
    const diff = diffDocuments(
      doc(p("Intro."), card("nato", "pinned", snapshot)),
      doc(p("Intro."), card("nato", "live")),
    );
    expect(kinds(diff)).toEqual(["same", "change"]);
    expect(diff.blocks[1]).toMatchObject({ kind: "change", notes: ["pinned → live"], fromIndex: 1, toIndex: 1 });
    expect(diff.stats).toEqual({ inserted: 0, deleted: 0, changedBlocks: 1 });
  });

  it("names a card by its snapshot, or by its pinned self on the other side", () => {
    const snapshot = JSON.stringify({ name: "North Atlantic Treaty Organization", acronym: "NATO" });
    expect(blockLabel(card("nato", "pinned", snapshot))).toBe("Framework card: NATO (pinned)");
    expect(blockLabel(card("nato", "live"))).toBe("Framework card: nato (live)");
    expect(blockLabel(card("nato", "live"), card("nato", "pinned", snapshot))).toBe("Framework card: NATO (live)");
    expect(blockLabel(card("eu", "live"), card("nato", "pinned", snapshot))).toBe("Framework card: eu (live)");
  });

  it("reports a card for another framework and an unchanged card", () => {
    const diff = diffDocuments(
      doc(card("nato", "live"), card("au", "live")),
      doc(card("nato", "live"), card("eu", "live")),
    );
    expect(kinds(diff)).toEqual(["same", "change"]);
    expect(diff.blocks[1]).toMatchObject({ notes: ["framework au → eu"] });
  });

  it("notes a renamed comparison", () => {
    const cmp = (title: string) => ({ type: "comparison", attrs: { comparisonId: "c1", title } });
    const diff = diffDocuments(doc(cmp("Alliances")), doc(cmp("Alliances 2026")));
    expect(diff.blocks[0]).toMatchObject({ kind: "change", notes: ["title “Alliances” → “Alliances 2026”"] });
  });

  it("treats a mention as one word and a line break as a line", () => {
    const mention = (label: string) => ({ type: "mention", attrs: { id: "u1", label } });
    const diff = diffDocuments(
      doc(p("Ask ", mention("Ana Silva"), " first.", { type: "hardBreak" }, "Then wait.")),
      doc(p("Ask ", mention("Ben Okoro"), " first.", { type: "hardBreak" }, "Then act.")),
    );
    expect(edits(diff.blocks[0])).toEqual([
      ["delete", "@Ana Silva"],
      ["insert", "@Ben Okoro"],
      ["delete", "wait"],
      ["insert", "act"],
    ]);
  });

  it("diffs CJK text by character", () => {
    const diff = diffDocuments(doc(p("日米同盟は重要だ。")), doc(p("日米同盟は非常に重要だ。")));
    expect(parts(diff.blocks[0])).toEqual([
      { kind: "same", text: "日米同盟は" },
      { kind: "insert", text: "非常に" },
      { kind: "same", text: "重要だ。" },
    ]);
    expect(diff.stats.inserted).toBe(3);
  });

  it("diffs other scripts by their words", () => {
    const diff = diffDocuments(doc(p("Совет принял решение вчера.")), doc(p("Совет отклонил решение вчера.")));
    expect(edits(diff.blocks[0])).toEqual([
      ["delete", "принял"],
      ["insert", "отклонил"],
    ]);
  });

  it("keeps an unrelated replacement as a deletion and an insertion", () => {
    const diff = diffDocuments(
      doc(p("Energy prices rose sharply in the winter.")),
      doc(p("Naval exercises resume next month off the coast.")),
    );
    expect(kinds(diff)).toEqual(["delete", "insert"]);
  });

  it("pairs each edited paragraph of a rewritten section with its new version", () => {
    const diff = diffDocuments(
      doc(p("The first claim about supply chains."), p("A second claim on shipping lanes.")),
      doc(
        p("The first claim about supply chains and ports."),
        p("Wholly new material here."),
        p("A second claim on shipping lanes today."),
      ),
    );
    expect(kinds(diff)).toEqual(["change", "insert", "change"]);
  });
});

describe("blockRestore", () => {
  it("puts a changed block's old version in its place and a deleted block after its predecessor", () => {
    const from = doc(
      p("Intro stays."),
      p("Removed one."),
      p("Removed two entirely different."),
      p("Edited text here."),
      p("End."),
    );
    const to = doc(p("Intro stays."), p("Edited text here now."), p("End."));
    const diff = diffDocuments(from, to);
    expect(kinds(diff)).toEqual(["same", "delete", "delete", "change", "same"]);
    expect(blockRestore(diff, diff.blocks[1]!)).toEqual({ op: "insert", index: 1, node: p("Removed one.") });
    expect(blockRestore(diff, diff.blocks[2]!)).toEqual({
      op: "insert",
      index: 1,
      node: p("Removed two entirely different."),
    });
    expect(blockRestore(diff, diff.blocks[3]!)).toEqual({ op: "replace", index: 1, node: p("Edited text here.") });
    expect(blockRestore(diff, diff.blocks[0]!)).toBeNull();
    const first = diffDocuments(doc(p("Gone first."), p("Kept.")), doc(p("Kept.")));
    expect(blockRestore(first, first.blocks[0]!)).toEqual({ op: "insert", index: 0, node: p("Gone first.") });
  });

  it("does not restore inserted or moved blocks", () => {
    const a = p("Moving paragraph about trade.");
    const b = p("Staying paragraph on energy.");
    const diff = diffDocuments(doc(a, b, p("New block")), doc(b, a));
    for (const change of diff.blocks) {
      if (change.kind === "insert" || (change.kind === "delete" && change.movedTo !== undefined)) {
        expect(blockRestore(diff, change)).toBeNull();
      }
    }
    expect(diff.blocks.some((c) => c.kind === "delete" && c.movedTo !== undefined)).toBe(true);
  });
});

describe("lists and tables, line first", () => {
  it("aligns a row inserted in the middle of a table and diffs a changed cell by words", () => {
    const diff = diffDocuments(
      doc(
        table([
          ["Estonia", "1200"],
          ["Latvia", "900"],
          ["Lithuania", "700"],
        ]),
      ),
      doc(
        table([
          ["Estonia", "1200"],
          ["Finland", "300"],
          ["Latvia", "950"],
          ["Lithuania", "700"],
        ]),
      ),
    );
    expect(edits(diff.blocks[0])).toEqual([
      ["insert", "Finland\t300\n"],
      ["delete", "900"],
      ["insert", "950"],
    ]);
  });
});

// A tiny deterministic generator, so a failure is reproducible from its seed.
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const WORDS = ["alliance", "treaty", "the", "of", "NATO", "budget", "同盟", "重要", "défense", "Совет", "and", "2026"];

function randomBlock(r: () => number): JSONContent {
  const sentence = () =>
    Array.from({ length: 1 + Math.floor(r() * 8) }, () => WORDS[Math.floor(r() * WORDS.length)]).join(
      r() < 0.2 ? "" : " ",
    );
  const pick = r();
  if (pick < 0.55) return r() < 0.3 ? p(sentence(), text(sentence(), ["bold"])) : p(sentence());
  if (pick < 0.7) return h(1 + Math.floor(r() * 3), sentence());
  if (pick < 0.8) return list(sentence(), sentence());
  if (pick < 0.88) return table([[sentence(), sentence()]]);
  return card(["nato", "eu", "au"][Math.floor(r() * 3)]!, r() < 0.5 ? "live" : "pinned");
}

function mutate(blocks: JSONContent[], r: () => number): JSONContent[] {
  const out = blocks.map((b) => structuredClone(b));
  const edits = 1 + Math.floor(r() * 6);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(r() * (out.length + 1));
    const op = r();
    if (op < 0.3) out.splice(at, 0, randomBlock(r));
    else if (op < 0.5) out.splice(at, 1);
    else if (out[at]?.content?.[0]?.text !== undefined) {
      const first = out[at]!.content![0]!;
      first.text = `${first.text} ${WORDS[Math.floor(r() * WORDS.length)]}`;
    } else if (op < 0.7 && out.length > 1) out.push(out.splice(at, 1)[0] ?? randomBlock(r));
  }
  return out;
}

describe("diffDocuments properties", () => {
  it("rebuilds both documents and their texts from the diff (300 random edits)", () => {
    for (let seed = 1; seed <= 300; seed++) {
      const r = rng(seed);
      const before = Array.from({ length: Math.floor(r() * 12) }, () => randomBlock(r));
      const after = mutate(before, r);
      const diff = diffDocuments(doc(...before), doc(...after));
      const toSide: JSONContent[] = [];
      const fromSide: JSONContent[] = [];
      for (const change of diff.blocks) {
        if (change.kind !== "insert") fromSide.push(change.from);
        if (change.kind !== "delete") toSide.push(change.to);
        if (change.kind !== "change") continue;
        const side = (keep: InlinePart["kind"]) =>
          change.parts
            .filter((part) => part.kind === "same" || part.kind === keep)
            .map((part) => part.text)
            .join("");
        expect(side("insert"), `seed ${seed}`).toBe(blockText(change.to));
        expect(side("delete"), `seed ${seed}`).toBe(blockText(change.from));
      }
      expect(toSide, `seed ${seed}`).toEqual(after);
      expect(fromSide, `seed ${seed}`).toEqual(before);
      expect(diff.stats.changedBlocks).toBe(diff.blocks.filter((b) => b.kind !== "same").length);
    }
  });

  it("finds a shortest edit script (checked against an LCS table on random sequences)", () => {
    const r = rng(7);
    for (let t = 0; t < 2000; t++) {
      const a = Array.from({ length: Math.floor(r() * 25) }, () => Math.floor(r() * 4));
      const b = Array.from({ length: Math.floor(r() * 25) }, () => Math.floor(r() * 4));
      const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
      for (let i = a.length - 1; i >= 0; i--)
        for (let j = b.length - 1; j >= 0; j--)
          lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
      const ops = diffSequences(a, b);
      let i = 0;
      let j = 0;
      const rebuilt: number[] = [];
      for (const op of ops) {
        if (op.op === "delete") i += op.count;
        else
          for (let k = 0; k < op.count; k++) {
            if (op.op === "same") expect(a[i++]).toBe(b[j]);
            rebuilt.push(b[j++]!);
          }
      }
      expect(rebuilt).toEqual(b);
      expect(i).toBe(a.length);
      expect(ops.filter((op) => op.op === "same").reduce((s, op) => s + op.count, 0)).toBe(lcs[0]![0]);
    }
  });

  it("stays correct when the work budget runs out (falls back to delete + insert)", () => {
    const a = Array.from({ length: 400 }, (_, i) => i % 7);
    const b = Array.from({ length: 400 }, (_, i) => (i * 3) % 11);
    const budget = new DiffBudget(10);
    const ops = diffSequences(a, b, budget);
    expect(budget.remaining).toBeLessThanOrEqual(0);
    const deleted = ops.filter((op) => op.op !== "insert").reduce((s, op) => s + op.count, 0);
    const inserted = ops.filter((op) => op.op !== "delete").reduce((s, op) => s + op.count, 0);
    expect([deleted, inserted]).toEqual([400, 400]);
  });
});
