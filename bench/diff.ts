// `npm run bench:diff`: diffDocuments (lib/versions/diff.ts) on 100,000-character briefings.
//
// Builds a synthetic briefing of about 100,000 characters (headings, paragraphs in several
// scripts with marks, lists, tables, framework cards) and times the diff against versions of it:
//  - scattered: 5% of paragraphs edited mid-sentence, a few blocks inserted, deleted and moved,
//    a heading level and a card's mode changed (a day's review);
//  - every-paragraph: every textblock edited (the most "change" blocks a diff can have);
//  - half-rewritten: the second half (about 50 pages at 1,000 characters a page) replaced by new text;
//  - all-new: a completely different document of the same size (every block deleted and inserted);
//  - big-table-*: one table of 100,000 characters with 10% of its cells edited, or rewritten (one
//    inline diff over the whole table: the worst case for the word-level diff and its work budget).
// Prints one JSON line per scenario with the median and max of BENCH_RUNS runs (default 7), after
// two warm-up runs (wall time, and the CPU time this process used: the machine may be shared), and a summary line. Numbers, not assertions: the goal is <= 500 ms.
import os from "node:os";
import type { JSONContent } from "@tiptap/core";
import { diffDocuments } from "@/lib/versions/diff";
import { blockText } from "@/lib/versions/diff-text";

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const TARGET_CHARS = 100_000;
const GOAL_MS = 500;

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const VOCAB = [
  ..."the alliance agreed to increase its budget for collective defence and training of rapid reaction forces in the eastern flank".split(
    " ",
  ),
  ..."ministers discussed sanctions energy security cyber resilience and maritime patrols with partners".split(" "),
  "défense",
  "européenne",
  "Совет",
  "безопасности",
  "日米同盟",
  "安全保障",
  "2026",
];

function sentence(r: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(VOCAB[Math.floor(r() * VOCAB.length)]!);
  const text = out.join(" ");
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

function paragraph(r: () => number): JSONContent {
  const a = sentence(r, 8 + Math.floor(r() * 14));
  const b = sentence(r, 3);
  const c = sentence(r, 6 + Math.floor(r() * 10));
  return {
    type: "paragraph",
    content: [
      { type: "text", text: `${a} ` },
      { type: "text", text: b, marks: [{ type: "bold" }] },
      { type: "text", text: ` ${c}` },
    ],
  };
}

function block(r: () => number, i: number): JSONContent {
  if (i % 20 === 0) return { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: sentence(r, 4) }] };
  if (i % 17 === 0)
    return {
      type: "bulletList",
      content: [0, 1, 2].map(() => ({
        type: "listItem",
        content: [{ type: "paragraph", content: [{ type: "text", text: sentence(r, 8) }] }],
      })),
    };
  if (i % 29 === 0)
    return {
      type: "table",
      content: [0, 1, 2, 3].map(() => ({
        type: "tableRow",
        content: [0, 1, 2].map(() => ({
          type: "tableCell",
          content: [{ type: "paragraph", content: [{ type: "text", text: sentence(r, 3) }] }],
        })),
      })),
    };
  if (i % 37 === 0)
    return { type: "frameworkCard", attrs: { slug: `fw-${i}`, mode: "live", pinnedAt: null, snapshot: null } };
  return paragraph(r);
}

function briefing(seed: number): JSONContent[] {
  const r = rng(seed);
  const blocks: JSONContent[] = [];
  let chars = 0;
  for (let i = 0; chars < TARGET_CHARS; i++) {
    const b = block(r, i);
    chars += blockText(b).length;
    blocks.push(b);
  }
  return blocks;
}

function editText(node: JSONContent, r: () => number): void {
  const first = node.content?.[0];
  if (!first || typeof first.text !== "string") return;
  const words = first.text.split(" ");
  words.splice(Math.floor(words.length / 2), 1, VOCAB[Math.floor(r() * VOCAB.length)]!, "revised");
  first.text = words.join(" ");
}

function scattered(base: JSONContent[]): JSONContent[] {
  const r = rng(99);
  const out = structuredClone(base);
  out.forEach((node, i) => {
    if (node.type === "paragraph" && r() < 0.05) editText(node, r);
    if (node.type === "heading" && i % 100 === 0) node.attrs = { level: 3 };
    if (node.type === "frameworkCard" && i % 74 === 0)
      node.attrs = { ...node.attrs, mode: "pinned", pinnedAt: "2026-12-01T00:00:00Z" };
  });
  for (let k = 0; k < 10; k++) out.splice(Math.floor(r() * out.length), 0, paragraph(r));
  for (let k = 0; k < 10; k++) out.splice(Math.floor(r() * out.length), 1);
  for (let k = 0; k < 5; k++) out.push(...out.splice(Math.floor(r() * out.length), 1));
  return out;
}

function everyParagraph(base: JSONContent[]): JSONContent[] {
  const r = rng(5);
  const out = structuredClone(base);
  for (const node of out) if (node.type === "paragraph" || node.type === "heading") editText(node, r);
  return out;
}

function halfRewritten(base: JSONContent[]): JSONContent[] {
  const half = Math.floor(base.length / 2);
  return [...structuredClone(base.slice(0, half)), ...briefing(4242).slice(0, base.length - half)];
}

/** One table of about 100,000 characters (a data annex), from a seed. */
function bigTable(seed: number): JSONContent[] {
  const r = rng(seed);
  const cellOf = (text: string) => ({
    type: "tableCell",
    content: [{ type: "paragraph", content: [{ type: "text", text }] }],
  });
  const rows: JSONContent[] = [];
  for (let chars = 0; chars < TARGET_CHARS; ) {
    const cells = [sentence(r, 3), sentence(r, 4), String(Math.floor(r() * 10_000))];
    chars += cells.join("\t").length + 1;
    rows.push({ type: "tableRow", content: cells.map(cellOf) });
  }
  return [{ type: "table", content: rows }];
}

function tableEdited(base: JSONContent[]): JSONContent[] {
  const r = rng(11);
  const out = structuredClone(base);
  for (const row of out[0]?.content ?? []) if (r() < 0.1) editText(row.content![2]!.content![0]!, r);
  return out;
}

function time(from: JSONContent[], to: JSONContent[]) {
  const a = { type: "doc", content: from };
  const b = { type: "doc", content: to };
  for (let i = 0; i < 2; i++) diffDocuments(a, b);
  const ms: number[] = [];
  const cpu: number[] = [];
  let result = diffDocuments(a, b);
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    result = diffDocuments(a, b);
    const used = process.cpuUsage(startCpu);
    ms.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  return { median: median(ms), max: Math.max(...ms), cpu: median(cpu), stats: result.stats };
}

const base = briefing(1);
const chars = base.reduce((sum, b) => sum + blockText(b).length, 0);
const scenarios: Record<string, JSONContent[]> = {
  scattered: scattered(base),
  "every-paragraph": everyParagraph(base),
  "half-rewritten": halfRewritten(base),
  "all-new": briefing(777),
};
const table = bigTable(3);
const tableScenarios: Record<string, [JSONContent[], JSONContent[]]> = {
  "big-table-10pct-cells": [table, tableEdited(table)],
  "big-table-rewritten": [table, bigTable(8)],
};
const summary: Record<string, number> = {};
const cpuSummary: Record<string, number> = {};
// BENCH_ONLY=name runs one scenario (for profiling).
const only = (name: string) => !process.env.BENCH_ONLY || process.env.BENCH_ONLY === name;
for (const [name, to] of Object.entries(scenarios)) {
  if (!only(name)) continue;
  const { median, max, cpu, stats } = time(base, to);
  summary[name] = Math.round(median * 10) / 10;
  cpuSummary[name] = Math.round(cpu * 10) / 10;
  const round = (x: number) => Math.round(x * 10) / 10;
  console.log(
    JSON.stringify({
      scenario: name,
      blocks: base.length,
      chars,
      median_ms: round(median),
      max_ms: round(max),
      cpu_ms: round(cpu),
      ...stats,
    }),
  );
}
for (const [name, [from, to]] of Object.entries(tableScenarios)) {
  if (!only(name)) continue;
  const { median, max, cpu, stats } = time(from, to);
  summary[name] = Math.round(median * 10) / 10;
  cpuSummary[name] = Math.round(cpu * 10) / 10;
  const round = (x: number) => Math.round(x * 10) / 10;
  const chars = blockText(from[0]!).length;
  console.log(
    JSON.stringify({
      scenario: name,
      blocks: 1,
      chars,
      median_ms: round(median),
      max_ms: round(max),
      cpu_ms: round(cpu),
      ...stats,
    }),
  );
}
// On a shared machine wall time includes waiting for a core: the load average says how busy it was.
const load = Math.round(os.loadavg()[0]! * 100) / 100;
console.log(
  JSON.stringify({
    summary: "diff",
    load_average: load,
    goal_ms: GOAL_MS,
    goal_met: Object.values(summary).every((ms) => ms <= GOAL_MS),
    // The same goal on the CPU time the diff itself used (what an idle core would take).
    goal_met_cpu: Object.values(cpuSummary).every((ms) => ms <= GOAL_MS),
    wall_ms: summary,
    cpu_ms: cpuSummary,
  }),
);
