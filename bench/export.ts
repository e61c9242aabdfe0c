// `npm run bench:export`: export a ~100-page briefing (50 framework cards, 5 comparisons) in every
// format. A scratch SQLite database is filled once; each format then runs in its own process (so
// its peak RSS is its own): one warm-up export, then BENCH_RUNS (5) timed ones. "ms" is the median
// wall time of the whole export as the endpoint does it, with the content cache emptied first (load
// the current Yjs content, resolve cards and matrices, render); "load_ms" is the loading part;
// "cpu_ms" the process CPU time of the export (steadier than wall time on a busy machine);
// "cached_ms" the same export when the document is unchanged since the last one (the content
// cache of lib/briefings/doc/current.ts hits). "pages" is the PDF's page count.
// Prints one JSON line per format. Numbers, not assertions.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { clearContentCache } from "@/lib/briefings/doc/current";
import { createDb, type Db } from "@/lib/db";
import { renderExport } from "@/lib/export";
import { loadExportDocument } from "@/lib/export/document";
import { EXPORT_FORMATS, type ExportFormat } from "@/lib/export/types";
import { createTestDatabase } from "@/lib/test/databases";
import { createBenchBriefing } from "./export-briefing";
import { printBenchLine } from "./report";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SECTIONS = Number(process.env.BENCH_SECTIONS ?? 52);
const root = path.resolve(import.meta.dirname, "..");
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const round = (x: number) => Math.round(x * 10) / 10;

type Run = { total: number; load: number; cpu: number; bytes: number; pages: number };

async function exportOnce(db: Db, format: ExportFormat, briefingId: string, cached: boolean): Promise<Run> {
  if (!cached) clearContentCache(db);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const doc = await loadExportDocument(db, briefingId);
  const loaded = performance.now();
  const file = await renderExport(doc!, format);
  const finished = performance.now();
  const used = process.cpuUsage(cpu);
  const pages = format === "pdf" ? (file.body.toString("latin1").match(/\/Type \/Page\b(?!s)/g)?.length ?? 0) : 0;
  return {
    total: finished - started,
    load: loaded - started,
    cpu: (used.user + used.system) / 1000,
    bytes: file.body.length,
    pages,
  };
}

/** Child: time one format. */
async function measure(format: ExportFormat, url: string, briefingId: string): Promise<void> {
  const db = createDb(url);
  await exportOnce(db, format, briefingId, false); // warm-up: module loading and JIT, paid once per process
  const runs: Run[] = [];
  for (let run = 0; run < RUNS; run++) runs.push(await exportOnce(db, format, briefingId, false));
  const cached: number[] = [];
  for (let run = 0; run < RUNS; run++) cached.push((await exportOnce(db, format, briefingId, true)).total);
  await db.$disconnect();
  const pick = (key: keyof Run) => round(median(runs.map((r) => r[key])));
  console.log(
    JSON.stringify({
      format,
      ms: pick("total"),
      load_ms: pick("load"),
      cpu_ms: pick("cpu"),
      cached_ms: round(median(cached)),
      rss_mb: round(process.resourceUsage().maxRSS / 1024),
      bytes: runs[0]!.bytes,
      pages: runs[0]!.pages,
    }),
  );
}

async function main(): Promise<void> {
  const t = await createTestDatabase("sqlite");
  try {
    const { briefingId } = await createBenchBriefing(t.db, SECTIONS);
    const results = EXPORT_FORMATS.map((format) => {
      const child = spawnSync(
        process.execPath,
        [path.join(root, "node_modules/tsx/dist/cli.mjs"), "bench/export.ts", "--child", format, t.url, briefingId],
        {
          cwd: root,
          encoding: "utf8",
          env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
        },
      );
      if (child.status !== 0) throw new Error(`bench child for ${format} failed:\n${child.stderr}`);
      return JSON.parse(child.stdout.trim().split("\n").pop()!) as { format: string; pages: number } & Record<
        string,
        number
      >;
    });
    const pages = results.find((r) => r.format === "pdf")?.pages ?? 0;
    for (const { format, pages: _, ...numbers } of results) {
      const { ms, rss_mb, ...rest } = numbers;
      printBenchLine("export", { format, pages, ms, rss_mb, ...rest, cards: 50, comparisons: 5 });
    }
  } finally {
    await t.drop();
  }
}

if (process.argv[2] === "--child") {
  await measure(process.argv[3] as ExportFormat, process.argv[4]!, process.argv[5]!);
} else {
  await main();
}
