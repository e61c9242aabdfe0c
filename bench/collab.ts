import path from "node:path";
import * as Y from "yjs";
import { createBriefing } from "@/lib/briefings/create";
import { deriveBriefingContent } from "@/lib/briefings/doc/content";
import { type BriefingUpdateLog, briefingLog } from "@/lib/briefings/doc/update-log";
import type { Db } from "@/lib/db";
import { sleep } from "@/lib/test/collab";
import { type CollabProcess, ROOT, spawnCollabProcess, spawnServerProcess } from "@/lib/test/collab-process";
import { createTestDatabase } from "@/lib/test/databases";
import { buildUser } from "@/lib/test/fixtures";
import { applyFromMemoryMs, keepStored, storeHistory, timeColdOpen } from "./collab/cold-load";
import { runEditors } from "./collab/editors";
import { buildHistory } from "./collab/history";
import { cpuStallMicros, percentile, procStats, round } from "./collab/proc";
import { absoluteGoal, printBenchLine, ratioGoal } from "./report";

// npm run bench:collab. Env: BENCH_SECONDS (default 20) per scenario and server, BENCH_EDITORS
// (default "10,50,100"), BENCH_RATE (updates per editor per second, default 5), BENCH_OPS (cold
// load history operations, default 250000), BENCH_ROUNDS (alternations between our server and the
// reference per scenario, default 4). One JSON line per scenario on stdout.
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const EDITOR_COUNTS = (process.env.BENCH_EDITORS ?? "10,50,100")
  .split(",")
  .map(Number)
  .filter((n) => n > 1);
const RATE = Number(process.env.BENCH_RATE ?? 5);
const OPERATIONS = Number(process.env.BENCH_OPS ?? 250_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const TOKEN = "bench";
/**
 * Goal 3's fixed RSS base (MB), "one Prisma client per process": the generated client, its driver
 * adapter and query compiler, after a first query (measured with node --import tsx: 77 MB before,
 * 133 MB after, on this machine). bench/collab/idle-rss.ts prints the whole difference between our
 * idle server and the reference (Prisma, the persistence thread, zod, ioredis, the Tiptap schema).
 */
const RSS_BASE_MB = Number(process.env.BENCH_RSS_BASE_MB ?? 56);
/** Time after an open for the server to apply the stored state itself (it waits 1 s when idle). */
const SERVER_SETTLE_MS = 1_500;
/** Cold opens per stored shape (median reported). */
const COLD_RUNS = 7;
const TOKENS = { [TOKEN]: { userId: "bench", name: "Bench", readOnly: false } };

type Totals = {
  samples: Float64Array[];
  sent: number;
  lost: number;
  cpuSeconds: number;
  wallSeconds: number;
  rssMb: number;
};

const emptyTotals = (): Totals => ({ samples: [], sent: 0, lost: 0, cpuSeconds: 0, wallSeconds: 0, rssMb: 0 });

/** One measured round of `editors` simulated editors against a server; adds to `totals`. */
async function round_(server: CollabProcess, room: string, editors: number, seconds: number, totals: Totals) {
  const pid = server.child.pid!;
  let cpuStart = 0;
  const result = await runEditors(
    { url: server.url, room, token: TOKEN, editors, updatesPerSecond: RATE, seconds },
    (edge) => {
      const stats = procStats(pid);
      if (edge === "start") cpuStart = stats.cpuSeconds;
      else {
        totals.cpuSeconds += stats.cpuSeconds - cpuStart;
        totals.rssMb = Math.max(totals.rssMb, stats.rssMb);
      }
    },
  );
  totals.samples.push(result.samples);
  totals.sent += result.sent;
  totals.lost += result.lost;
  totals.wallSeconds += result.wallSeconds;
}

function summary(totals: Totals) {
  const all = new Float64Array(totals.samples.reduce((n, s) => n + s.length, 0));
  let offset = 0;
  for (const samples of totals.samples) {
    all.set(samples, offset);
    offset += samples.length;
  }
  all.sort();
  return {
    p50: percentile(all, 50),
    p99: percentile(all, 99),
    max: percentile(all, 100),
    cpuPct: (totals.cpuSeconds / totals.wallSeconds) * 100,
  };
}

/**
 * Both servers run for the whole scenario and the editors alternate between them in ROUNDS
 * rounds, so a change in the machine's background load hits both alike.
 */
async function scenario(databaseUrl: string, briefingId: string, editors: number) {
  const ours = await spawnCollabProcess({ databaseUrl, tokens: TOKENS });
  const reference = await spawnServerProcess(path.join(ROOT, "bench/collab/ref-server.ts"), {});
  const mine = emptyTotals();
  const ref = emptyTotals();
  try {
    for (let r = 0; r < ROUNDS; r++) {
      await round_(ours, briefingId, editors, SECONDS / ROUNDS, mine);
      await round_(reference, `ref-${editors}`, editors, SECONDS / ROUNDS, ref);
    }
  } finally {
    await Promise.all([ours.stop(), reference.stop()]);
  }
  return { mine, ref };
}

async function main(): Promise<void> {
  process.setMaxListeners(0);
  const database = await createTestDatabase("sqlite");
  const log = briefingLog(database.db);
  try {
    const ownerId = (await database.db.user.create({ data: buildUser() })).id;
    for (const editors of EDITOR_COUNTS) {
      const { id } = await createBriefing(database.db, { title: `bench ${editors}`, ownerId, template: "blank" });
      const [stallStart, wallStart] = [cpuStallMicros(), performance.now()];
      const { mine, ref } = await scenario(database.url, id, editors);
      const stallPct = ((cpuStallMicros() - stallStart) / 1000 / (performance.now() - wallStart)) * 100;
      const [m, r] = [summary(mine), summary(ref)];
      const stored = await database.db.briefingUpdate.count({ where: { briefingId: id } });
      printBenchLine(
        "collab",
        {
          editors,
          updates_per_s: editors * RATE,
          seconds: SECONDS,
          p50_ms: round(m.p50),
          p99_ms: round(m.p99),
          max_ms: round(m.max),
          ref_p50_ms: round(r.p50),
          ref_p99_ms: round(r.p99),
          ratio_p99: round(m.p99 / r.p99),
          cpu_pct: round(m.cpuPct),
          ref_cpu_pct: round(r.cpuPct),
          cpu_us_per_update: round((mine.cpuSeconds / mine.sent) * 1e6),
          ref_cpu_us_per_update: round((ref.cpuSeconds / ref.sent) * 1e6),
          rss_mb: round(mine.rssMb),
          ref_rss_mb: round(ref.rssMb),
          rss_base_mb: RSS_BASE_MB,
          lost: mine.lost,
          ref_lost: ref.lost,
          sent: mine.sent,
          log_rows_after_shutdown: stored,
          host_cpu_pressure_pct: round(stallPct),
        },
        {
          g3_p99: ratioGoal("p99_ms / ref_p99_ms", m.p99, r.p99, 1.25),
          g3_cpu: ratioGoal(
            "cpu_us_per_update / ref_cpu_us_per_update",
            mine.cpuSeconds / mine.sent,
            ref.cpuSeconds / ref.sent,
            1.3,
          ),
          g3_rss: ratioGoal("(rss_mb - rss_base_mb) / ref_rss_mb", mine.rssMb - RSS_BASE_MB, ref.rssMb, 1.5),
        },
      );
    }
    await coldLoad(database.db, log, database.url, ownerId);
  } finally {
    await database.drop();
  }
}

/**
 * Cold load of a briefing with a long editing history, twice: as a clean unload leaves it (one
 * compacted snapshot) and as a crash leaves it (a snapshot plus recent log rows).
 */
async function coldLoad(db: Db, log: BriefingUpdateLog, databaseUrl: string, ownerId: string): Promise<void> {
  // Batches of 5 operations: about what a fast typist produces in one 20 ms batch window.
  const history = buildHistory(OPERATIONS, 5);
  const warmup = await createBriefing(db, { title: "warm-up", ownerId, template: "policy-brief" });
  const whole = new Y.Doc();
  for (const batch of history.batches) Y.applyUpdate(whole, batch);
  const wholeUpdate = Y.encodeStateAsUpdate(whole);
  whole.destroy();
  for (let i = 0; i < 2; i++) applyFromMemoryMs(wholeUpdate); // warms the JIT
  for (const tail of [0, 250]) {
    const { id } = await createBriefing(db, { title: "cold load", ownerId, template: "blank" });
    const { tailRows } = await storeHistory(log, id, history, tail);
    const restoreStored = await keepStored(db, id);
    const row = await db.briefing.findUniqueOrThrow({ where: { id }, select: { yState: true } });
    const runs: number[] = [];
    // Measured after each open, so both sides of the ratio see the machine as it was then.
    const fromMemory: number[] = [];
    const fromMemoryBare: number[] = [];
    const serverCpu: number[] = [];
    const clientCpu: number[] = [];
    let chars = 0;
    const [stallStart, wallStart] = [cpuStallMicros(), performance.now()];
    for (let run = 0; run < COLD_RUNS; run++) {
      await restoreStored();
      // A running server (JIT warm, another briefing open) that has never loaded this briefing.
      const server = await spawnCollabProcess({ databaseUrl, tokens: TOKENS });
      const open: (() => void)[] = [];
      try {
        // Kept open while measuring: closing it would unload (compact) that room meanwhile.
        open.push((await timeColdOpen(server.url, warmup.id, TOKEN, new Map())).close);
        await sleep(SERVER_SETTLE_MS); // a running server: its start-up work (JIT, first queries) is over
        const [serverBefore, clientBefore] = [procStats(server.child.pid!).cpuSeconds, process.cpuUsage()];
        const { ms, doc, close } = await timeColdOpen(server.url, id, TOKEN, history.stateVector);
        open.push(close);
        const client = process.cpuUsage(clientBefore);
        clientCpu.push((client.user + client.system) / 1000);
        // The server applies the state to its own document once the client is done: counted too.
        await sleep(SERVER_SETTLE_MS);
        serverCpu.push((procStats(server.child.pid!).cpuSeconds - serverBefore) * 1000);
        runs.push(ms);
        fromMemory.push(applyFromMemoryMs(wholeUpdate));
        fromMemoryBare.push(applyFromMemoryMs(wholeUpdate, true));
        chars = deriveBriefingContent(doc).text.length;
        doc.destroy();
      } finally {
        for (const close of open) close();
        await server.stop();
      }
    }
    const sorted = Float64Array.from(runs).sort();
    const ms = percentile(sorted, 50);
    const stockMs = percentile(Float64Array.from(fromMemory).sort(), 50);
    printBenchLine(
      "cold_load",
      {
        chars,
        operations: history.operations,
        structs: history.structs,
        snapshot_kb: round((row.yState?.length ?? 0) / 1024),
        tail_rows: tailRows,
        ms: round(ms),
        runs_ms: runs.map(round),
        apply_from_memory_ms: round(stockMs),
        apply_from_memory_runs_ms: fromMemory.map(round),
        apply_bare_doc_ms: round(percentile(Float64Array.from(fromMemoryBare).sort(), 50)),
        update_kb: round(wholeUpdate.length / 1024),
        // CPU time is what the machine's load cannot inflate (the server's includes its worker).
        server_cpu_ms: round(percentile(Float64Array.from(serverCpu).sort(), 50)),
        client_cpu_ms: round(percentile(Float64Array.from(clientCpu).sort(), 50)),
        host_cpu_pressure_pct: round(((cpuStallMicros() - stallStart) / 1000 / (performance.now() - wallStart)) * 100),
      },
      {
        g2_ratio: ratioGoal("ms / apply_from_memory_ms", ms, stockMs, 1.5),
        // The issue asks for it on an idle machine: read it with the line's load_avg.
        g2_absolute: absoluteGoal("ms (idle machine)", ms, 150),
      },
    );
  }
}

main().then(
  () => process.exit(0), // stray sockets of the stock client must not keep the run alive
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
