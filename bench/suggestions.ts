// `npx tsx bench/suggestions.ts`: what suggesting costs. A document of BENCH_PARAGRAPHS (default
// 500, ~25 pages) paragraphs; per case the median milliseconds of (a) turning one keystroke into a
// suggestion in the browser (suggestTransaction) and (b) the collaboration server's
// "suggestions only" check of the resulting update (SuggestionsOnlyCheck, which runs for editors
// held to that setting only), keystroke after keystroke as typing sends them: each update is
// checked, then applied to the room's document. `firstCheckMs` is the first keystroke (the check
// copies the room's document once); `otherWriterCheckMs` a keystroke right after someone else's
// edit (the kept reading is stale and read again). Prints one JSON line per case. Numbers, not
// assertions.
import * as Y from "yjs";
import { suggestTransaction } from "@/lib/editor/suggestions/transform";
import { headlessEditor } from "@/lib/test/headless-editor";
import { appendParagraph } from "@/lib/test/ydoc";
import { SuggestionsOnlyCheck } from "@/server/collab/suggest-only";

const PARAGRAPHS = Number(process.env.BENCH_PARAGRAPHS ?? 500);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const author = { id: "bench", name: "Bench" };

for (const paragraphs of [50, PARAGRAPHS]) {
  const room = new Y.Doc();
  for (let i = 0; i < paragraphs; i++) appendParagraph(room, `Paragraph ${i} `.repeat(20));
  const check = new SuggestionsOnlyCheck(room);
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(room));
  const other = new Y.Doc();
  Y.applyUpdate(other, Y.encodeStateAsUpdate(room));
  const editor = headlessEditor(client);
  const transform: number[] = [];
  const checks: number[] = [];
  const afterOther: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    // Every fifth keystroke comes right after another writer's edit elsewhere in the document.
    const otherFirst = run > 0 && run % 5 === 0;
    if (otherFirst) {
      const before = Y.encodeStateVector(room);
      appendParagraph(other, `Other ${run}`);
      const edit = Y.encodeStateAsUpdate(other, before);
      Y.applyUpdate(room, edit);
      Y.applyUpdate(client, edit);
    }
    const state = editor.state();
    const t0 = performance.now();
    const out = suggestTransaction(state.tr.insertText("x", 5 + run), state, author);
    transform.push(performance.now() - t0);
    if (!out.ok) throw new Error(out.reason);
    const vector = Y.encodeStateVector(client);
    editor.apply(out.tr);
    const update = Y.encodeStateAsUpdate(client, vector);
    const t1 = performance.now();
    check.assert(update, author.id);
    (otherFirst ? afterOther : checks).push(performance.now() - t1);
    Y.applyUpdate(room, update);
  }
  const chars = editor.state().doc.content.size;
  console.log(
    JSON.stringify({
      paragraphs,
      chars,
      suggestKeystrokeMs: median(transform),
      firstCheckMs: checks[0],
      serverCheckMs: median(checks.slice(1)),
      otherWriterCheckMs: median(afterOther),
    }),
  );
}
