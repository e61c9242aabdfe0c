import type { Block, CardView, ExportDocument, MatrixView } from "@/lib/export/types";

/** Builders of in-memory export documents for the structure tests of every format (no database). */

export const text = (t: string, marks: Record<string, unknown> = {}) => ({ type: "text" as const, text: t, marks });
export const para = (t: string): Block => ({ type: "paragraph", inlines: [text(t)] });
export const heading = (t: string, level: 1 | 2 | 3 | 4 = 1): Block => ({ type: "heading", level, inlines: [text(t)] });

export function buildCard(name: string, refs: number[] = []): CardView {
  return {
    slug: name.toLowerCase().replace(/\W+/g, "-"),
    name,
    acronym: null,
    status: "Active",
    mode: "live",
    note: "Live: current catalog",
    facts: [
      { label: "Kind", value: "Collective-defence alliance", refs: [] },
      { label: "Region", value: "Europe", refs: [] },
      { label: "Decision rule", value: "Consensus", refs },
      { label: "Members", value: "32", refs: [] },
    ],
    summary: "A long-standing alliance with a consultative council and an integrated command structure.",
    url: "https://briefings.example.org/frameworks/x",
    found: true,
  };
}

export function buildMatrix(title: string, columns: number): MatrixView {
  const labels = Array.from({ length: columns }, (_, i) => `Framework ${i + 1}`);
  return {
    title,
    corner: "Dimension",
    columns: labels,
    rows: [
      { kind: "group", label: "Commitments" },
      { kind: "row", label: "Interoperability", cells: labels.map(() => ({ text: "Interoperability", refs: [1] })) },
    ],
    notices: [],
    found: true,
  };
}

export function buildDoc(blocks: Block[], overrides: Partial<ExportDocument> = {}): ExportDocument {
  return {
    briefingId: "b1",
    title: "Structured briefing",
    authors: ["Olivia Owner"],
    date: "5 December 2026",
    exportedAt: "5 December 2026, 09:30 UTC",
    classification: "UNCLASSIFIED",
    blocks,
    sources: [1, 2].map((n) => ({
      n,
      title: `Source ${n}`,
      url: `https://example.org/${n}`,
      rawUrl: `https://example.org/${n}`,
      publisher: null,
      accessed: null,
    })),
    ...overrides,
  };
}

/** A briefing with sections, a list, a cited card and a matrix. */
export const STRUCTURED = buildDoc([
  heading("Background"),
  para("Why this matters."),
  heading("Options", 2),
  { type: "list", ordered: true, start: 1, items: [[para("First")], [para("Second")]] },
  heading("Frameworks"),
  { type: "card", card: buildCard("Test Alliance", [1, 2]) },
  { type: "matrix", matrix: buildMatrix("Alliance comparison", 5) },
]);
