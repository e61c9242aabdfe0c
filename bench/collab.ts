import path from "node:path";
import * as Y from "yjs";
import { deriveBriefingContent } from "@/lib/briefings/content";
import { createBriefing } from "@/lib/briefings/create";
import { BriefingUpdateLog } from "@/lib/briefings/update-log";
import { type CollabProcess, ROOT, spawnCollabProcess, spawnServerProcess } from "@/lib/test/collab-process";
import { createTestDatabase } from "@/lib/test/databases";
import { buildUser } from "@/lib/test/fixtures";
import { storeHistory, timeColdOpen } from "./collab/cold-load";
import { runEditors } from "./collab/editors";
import { buildHistory } from "./collab/history";
import { percentile, procStats, round } from "./collab/proc";

// npm run bench:collab. Env: BENCH_SECONDS (default 20) per scenario and server, BENCH_EDITORS
// (default "10,50,100"), BENCH_RATE (updates per editor per second, default 5), BENCH_OPS (cold
// load history operations, default 250000). One JSON line per scenario on stdout.
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const EDITOR_COUNTS = (process.env.BENCH_EDITORS ?? "10,50,100").split(",").map(Number);
const RATE = Number(process.env.BENCH_RATE ?? 5);
const OPERATIONS = Number(process.env.BENCH_OPS ?? 250_000);
const TOKEN = "bench";
const TOKENS = { [TOKEN]: { userId: "bench", name: "Bench", readOnly: false } };

type Measured = { p50: number; p99: number; max: number; lost: number; sent: number; cpuPct: number; rssMb: number };

async function measure(server: CollabProcess, room: string, editors: number): Promise<Measured> {
  const pid = server.child.pid!;
  let cpuStart = 0;
  let cpuEnd = 0;
  let rssMb = 0;
  const result = await runEditors(
    { url: server.url, room, token: TOKEN, editors, updatesPerSecond: RATE, seconds: SECONDS },
    (edge) => {
      const stats = procStats(pid);
      if (edge === "start") cpuStart = stats.cpuSeconds;
      else {
        cpuEnd = stats.cpuSeconds;
        rssMb = stats.rssMb;
      }
    },
  );
  return {
    p50: percentile(result.samples, 50),
    p99: percentile(result.samples, 99),
    max: percentile(result.samples, 100),
    lost: result.lost,
    sent: result.sent,
    cpuPct: ((cpuEnd - cpuStart) / result.wallSeconds) * 100,
    rssMb,
  };
}

async function main(): Promise<void> {
  process.setMaxListeners(0);
  const database = await createTestDatabase("sqlite");
  const log = new BriefingUpdateLog(database.db, "sqlite");
  try {
    const ownerId = (await database.db.user.create({ data: buildUser() })).id;
    for (const editors of EDITOR_COUNTS) {
      const { id } = await createBriefing(database.db, { title: `bench ${editors}`, ownerId, template: "blank" });
      const ours = await spawnCollabProcess({ databaseUrl: database.url, tokens: TOKENS });
      const mine = await measure(ours, id, editors).finally(() => ours.stop());
      const reference = await spawnServerProcess(path.join(ROOT, "bench/collab/ref-server.ts"), {});
      const ref = await measure(reference, `ref-${editors}`, editors).finally(() => reference.stop());
      const stored = await database.db.briefingUpdate.count({ where: { briefingId: id } });
      console.log(
        JSON.stringify({
          bench: "collab",
          editors,
          updates_per_s: editors * RATE,
          seconds: SECONDS,
          p50_ms: round(mine.p50),
          p99_ms: round(mine.p99),
          max_ms: round(mine.max),
          ref_p50_ms: round(ref.p50),
          ref_p99_ms: round(ref.p99),
          ratio_p99: round(mine.p99 / ref.p99),
          cpu_pct: round(mine.cpuPct),
          ref_cpu_pct: round(ref.cpuPct),
          rss_mb: round(mine.rssMb),
          ref_rss_mb: round(ref.rssMb),
          lost: mine.lost,
          ref_lost: ref.lost,
          sent: mine.sent,
          log_rows_after_shutdown: stored,
        }),
      );
    }
    await coldLoad(log, database.url, ownerId);
  } finally {
    await database.drop();
  }
}

async function coldLoad(log: BriefingUpdateLog, databaseUrl: string, ownerId: string): Promise<void> {
  const history = buildHistory(OPERATIONS);
  const { id } = await createBriefing(log.db, { title: "cold load", ownerId, template: "blank" });
  const warmup = await createBriefing(log.db, { title: "warm-up", ownerId, template: "policy-brief" });
  const { tailRows } = await storeHistory(log, id, history);
  const row = await log.db.briefing.findUniqueOrThrow({ where: { id }, select: { yState: true } });
  const runs: number[] = [];
  let chars = 0;
  for (let run = 0; run < 5; run++) {
    // A running server (JIT warm, another briefing open) that has never loaded this briefing.
    const server = await spawnCollabProcess({ databaseUrl, tokens: TOKENS });
    try {
      await timeColdOpen(server.url, warmup.id, TOKEN);
      const { ms, doc } = await timeColdOpen(server.url, id, TOKEN);
      runs.push(ms);
      chars = deriveBriefingContent(doc).text.length;
      doc.destroy();
    } finally {
      await server.stop();
    }
  }
  const sorted = Float64Array.from(runs).sort();
  const structs = countStructs(history.batches);
  console.log(
    JSON.stringify({
      bench: "cold_load",
      chars,
      operations: history.operations,
      structs,
      snapshot_kb: round((row.yState?.length ?? 0) / 1024),
      tail_rows: tailRows,
      ms: round(percentile(sorted, 50)),
      runs_ms: runs.map(round),
    }),
  );
}

function countStructs(batches: Uint8Array[]): number {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.mergeUpdates(batches));
  let count = 0;
  for (const structs of doc.store.clients.values()) count += structs.length;
  doc.destroy();
  return count;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
