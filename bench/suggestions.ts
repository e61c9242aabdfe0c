// `npx tsx bench/suggestions.ts`: what suggesting costs. A document of BENCH_PARAGRAPHS (default
// 500, ~25 pages) paragraphs; per case the median milliseconds of (a) turning one keystroke into a
// suggestion in the browser (suggestTransaction) and (b) the collaboration server's
// "suggestions only" check of the resulting update (assertOnlySuggestions), which runs for editors
// held to that setting only. Prints one JSON line per case. Numbers, not assertions.
import type { EditorState } from "@tiptap/pm/state";
import * as Y from "yjs";
import { suggestTransaction } from "@/lib/editor/suggestions/transform";
import { headlessEditor } from "@/lib/test/headless-editor";
import { appendParagraph } from "@/lib/test/ydoc";
import { assertOnlySuggestions } from "@/server/collab/suggest-only";

const PARAGRAPHS = Number(process.env.BENCH_PARAGRAPHS ?? 500);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const author = { id: "bench", name: "Bench" };

for (const paragraphs of [50, PARAGRAPHS]) {
  const doc = new Y.Doc();
  for (let i = 0; i < paragraphs; i++) appendParagraph(doc, `Paragraph ${i} `.repeat(20));
  const editor = headlessEditor(doc);
  const state: EditorState = editor.state();
  const transform: number[] = [];
  const check: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const t0 = performance.now();
    const out = suggestTransaction(state.tr.insertText("x", 5), state, author);
    transform.push(performance.now() - t0);
    if (!out.ok) throw new Error(out.reason);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    let update: Uint8Array = new Uint8Array();
    copy.on("update", (u: Uint8Array) => {
      update = u;
    });
    headlessEditor(copy).apply(out.tr);
    const t1 = performance.now();
    assertOnlySuggestions(doc, update, author.id);
    check.push(performance.now() - t1);
  }
  const chars = state.doc.content.size;
  console.log(
    JSON.stringify({ paragraphs, chars, suggestKeystrokeMs: median(transform), serverCheckMs: median(check) }),
  );
}
