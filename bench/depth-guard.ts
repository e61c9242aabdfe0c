// `npx tsx bench/depth-guard.ts`: what the collaboration server's depth check (updateDepth, run on
// every incoming document update before it is applied) costs, next to applying the same update.
// A document of BENCH_PARAGRAPHS (2,000, ~100 pages) paragraphs with a 10-level list; then the
// updates an editor sends: a keystroke, a new paragraph (Enter), a 5-level list pasted, and a
// 20,000-level crafted update (refused). Prints one JSON line per case: median microseconds of
// the check and of Y.applyUpdate. Numbers, not assertions.
import * as Y from "yjs";
import { MAX_DOCUMENT_DEPTH, updateDepth } from "@/lib/editor/depth";
import { BRIEFING_FRAGMENT } from "@/lib/editor/fragment";
import { deepUpdate, nestDeep } from "@/lib/test/deep-doc";
import { appendParagraph } from "@/lib/test/ydoc";

const PARAGRAPHS = Number(process.env.BENCH_PARAGRAPHS ?? 2_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

const base = new Y.Doc();
for (let i = 0; i < PARAGRAPHS; i++) appendParagraph(base, `Paragraph ${i} `.repeat(20));
nestDeep(base, 10, "list");
const state = Y.encodeStateAsUpdate(base);

/** The update `change` produces on a copy of the base document. */
function updateOf(change: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  let update: Uint8Array = new Uint8Array();
  doc.on("update", (u: Uint8Array) => {
    update = u;
  });
  change(doc);
  return update;
}

const fragment = (doc: Y.Doc) => doc.getXmlFragment(BRIEFING_FRAGMENT);
const cases: Record<string, Uint8Array> = {
  keystroke: updateOf((doc) => ((fragment(doc).get(5) as Y.XmlElement).get(0) as Y.XmlText).insert(3, "x")),
  paragraph: updateOf((doc) => appendParagraph(doc, "new paragraph")),
  list: updateOf((doc) => nestDeep(doc, 5, "pasted list")),
  crafted_20000: deepUpdate(20_000),
};

for (const [name, update] of Object.entries(cases)) {
  const check: number[] = [];
  const apply: number[] = [];
  const runs = name === "crafted_20000" ? 5 : RUNS;
  for (let i = 0; i < runs; i++) {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    let t = performance.now();
    const depth = updateDepth(doc, update, MAX_DOCUMENT_DEPTH);
    check.push(performance.now() - t);
    t = performance.now();
    Y.applyUpdate(doc, update);
    apply.push(performance.now() - t);
    doc.destroy();
    if (i === 0) console.error(`${name}: depth ${depth}, ${update.length} bytes`);
  }
  const us = (xs: number[]) => Math.round(median(xs) * 1000);
  console.log(JSON.stringify({ case: name, bytes: update.length, check_us: us(check), apply_us: us(apply) }));
}
