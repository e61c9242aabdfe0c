import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { build } from "esbuild";
import { CHROMIUM_ARGS, CHROMIUM_MISSING, findChromium } from "../e2e/chromium";

// npm run bench:toc. How long the table of contents block takes to show a heading's new text
// after a keystroke in it, in a 100-page briefing (BENCH_PAGES), in Chromium: the editor's
// transaction, the heading-anchors outline, the TOC view's redraw (update_ms), and to the next
// painted frame (painted_ms). Collaboration is not loaded (its cost does not depend on the TOC).
// Goal: painted p95 <= 50 ms. Prints one JSON line.

const PAGES = Number(process.env.BENCH_PAGES ?? 100);
const KEYSTROKES = Number(process.env.BENCH_KEYSTROKES ?? 60);
const GOAL_MS = 50;

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
};
const round = (n: number) => Math.round(n * 10) / 10;

async function main() {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(CHROMIUM_MISSING);
  const bundle = await build({
    entryPoints: [path.join(import.meta.dirname, "toc", "page.ts")],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    minify: true,
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "error",
  });
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html><body><div id="editor"></div></body></html>');
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
    const result = await page.evaluate(
      ([pages, keystrokes]) =>
        (window as unknown as { runTocBench: (p: number, k: number) => Promise<Record<string, unknown>> }).runTocBench(
          pages!,
          keystrokes!,
        ),
      [PAGES, KEYSTROKES],
    );
    const update = result.update as number[];
    const painted = result.painted as number[];
    // The first keystrokes warm the JIT; they are reported in max_ms but not in the quantiles.
    const measured = (values: number[]) => values.slice(Math.min(5, values.length - 1));
    const p95 = quantile(measured(painted), 0.95);
    console.log(
      JSON.stringify({
        bench: "toc",
        pages: result.pages,
        words: result.words,
        headings: result.headings,
        keystrokes: KEYSTROKES,
        outline_ms: { p50: round(quantile(measured(result.outline as number[]), 0.5)) },
        update_ms: { p50: round(quantile(measured(update), 0.5)), p95: round(quantile(measured(update), 0.95)) },
        painted_ms: { p50: round(quantile(measured(painted), 0.5)), p95: round(p95), max: round(Math.max(...painted)) },
        goal_ms: GOAL_MS,
        goal_met: p95 <= GOAL_MS,
        load_average: os.loadavg().map(round),
        cpus: os.cpus().length,
      }),
    );
  } finally {
    await browser.close();
  }
}

await main();
