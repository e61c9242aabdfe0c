import { createBriefing } from "@/lib/briefings/create";
import { sleep } from "@/lib/test/collab";
import { type CollabProcess, spawnCollabProcess } from "@/lib/test/collab-process";
import { createTestDatabase, type TestDatabase } from "@/lib/test/databases";
import { buildUser } from "@/lib/test/fixtures";
import { startTestRedis } from "@/lib/test/redis";
import { SimulatedEditor } from "./collab/editors";
import { cpuStallMicros, percentile, procStats, round } from "./collab/proc";
import { machineLoad, printBenchLine, ratioGoal } from "./report";

// npm run bench:load. 1,000 websocket connections over 100 briefings (10 editors each, 1 update/s
// each) against one instance, then against two instances linked by Redis (editors of a briefing
// alternate between the instances, so most deliveries cross Redis). PostgreSQL for both.
// Env: LOAD_ROOMS (100), LOAD_EDITORS (10 per room), LOAD_RATE (1 update/s), LOAD_SECONDS (45).
// Prints one JSON line per configuration and a last line with the two/one ratio.
const ROOMS = Number(process.env.LOAD_ROOMS ?? 100);
const EDITORS = Number(process.env.LOAD_EDITORS ?? 10);
const RATE = Number(process.env.LOAD_RATE ?? 1);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 45);
const TOKEN = "load";
const TOKENS = { [TOKEN]: { userId: "load", name: "Load", readOnly: false } };
const now = () => performance.now();

type Result = Record<string, unknown>;

async function briefings(t: TestDatabase): Promise<string[]> {
  const ownerId = (await t.db.user.create({ data: buildUser() })).id;
  const ids: string[] = [];
  for (let i = 0; i < ROOMS; i++)
    ids.push((await createBriefing(t.db, { title: `Load ${i}`, ownerId, template: "policy-brief" })).id);
  return ids;
}

const rssOf = (servers: CollabProcess[]) => servers.reduce((sum, s) => sum + procStats(s.child.pid!).rssMb, 0);

/** Heap in use after a full collection, summed over the servers (MB). */
async function heapOf(servers: CollabProcess[]): Promise<number> {
  let total = 0;
  for (const server of servers) {
    const metrics = (await (await fetch(`http://127.0.0.1:${server.port}/metrics`)).json()) as {
      heapUsed: number;
      external: number;
    };
    total += (metrics.heapUsed + metrics.external) / 1024 / 1024;
  }
  return total;
}

/** Connects every editor (50 at a time), measures idle memory, then the editing window. */
async function run(servers: CollabProcess[], rooms: string[]): Promise<Result> {
  const sentAt = new Map<string, number>();
  const samples: number[] = [];
  let errors = 0;
  let measuring = false;
  const editors: { editor: SimulatedEditor; room: number }[] = [];
  const connect = async ({ room, r, i }: { room: string; r: number; i: number }) => {
    const editor: SimulatedEditor = new SimulatedEditor((key, client, at) => {
      if (client === editor.doc.clientID) return;
      const sent = sentAt.get(key);
      if (sent !== undefined && measuring) samples.push(at - sent);
    });
    const server = servers[(r * EDITORS + i) % servers.length]!;
    try {
      await Promise.race([
        editor.connect(`${server.url}/${room}?token=${TOKEN}`),
        sleep(30_000).then(() => Promise.reject(new Error("connect timeout"))),
      ]);
      editors.push({ editor, room: r });
    } catch {
      errors++;
    }
  };
  const connectAll = async (jobs: { room: string; r: number; i: number }[]) => {
    for (let start = 0; start < jobs.length; start += 50) await Promise.all(jobs.slice(start, start + 50).map(connect));
    await sleep(2_000);
    return { rss: rssOf(servers), heap: await heapOf(servers) };
  };
  // Memory: a tenth of the rooms opened first pays the start-up and first-use costs (Prisma, the
  // store thread, JIT); the other rooms opened with one idle connection each give the cost of an
  // idle room; the other editors joining give the cost of a connection.
  const firsts = rooms.map((room, r) => ({ room, r, i: 0 }));
  const warmRooms = Math.max(1, Math.floor(rooms.length / 10));
  const rssWarm = await connectAll(firsts.slice(0, warmRooms));
  const rssRooms = await connectAll(firsts.slice(warmRooms));
  const others = rooms.flatMap((room, r) => Array.from({ length: EDITORS - 1 }, (_, i) => ({ room, r, i: i + 1 })));
  const rssAll = await connectAll(others);
  for (const { editor } of editors) editor.startParagraph();
  await sleep(1_000);

  const stallStart = cpuStallMicros();
  const cpuStart = servers.map((s) => procStats(s.child.pid!).cpuSeconds);
  const interval = 1000 / RATE;
  const timers: ReturnType<typeof setTimeout>[] = [];
  measuring = true;
  const started = now();
  for (const { editor } of editors) {
    timers.push(
      setTimeout(
        () =>
          timers.push(
            setInterval(() => {
              if (measuring) sentAt.set(editor.type(), now());
            }, interval),
          ),
        Math.random() * interval,
      ),
    );
  }
  await sleep(SECONDS * 1000);
  const wall = (now() - started) / 1000;
  for (const timer of timers) clearInterval(timer);
  const expected = sentAt.size * (EDITORS - 1);
  const drainUntil = now() + 5_000;
  while (samples.length < expected && now() < drainUntil) await sleep(50);
  measuring = false;
  const cpu = servers.reduce((sum, s, i) => sum + procStats(s.child.pid!).cpuSeconds - cpuStart[i]!, 0);
  const rssPeak = rssOf(servers);
  const stall = (cpuStallMicros() - stallStart) / 1e6 / wall;
  for (const { editor } of editors) editor.close();
  const sorted = Float64Array.from(samples).sort();
  const lost = expected - samples.length;
  return {
    bench: "load",
    instances: servers.length,
    connections: editors.length,
    rooms: rooms.length,
    seconds: round(wall),
    updates_sent: sentAt.size,
    deliveries: samples.length,
    p50_ms: round(percentile(sorted, 50)),
    p99_ms: round(percentile(sorted, 99)),
    max_ms: round(sorted[sorted.length - 1] ?? Number.NaN),
    errors: errors + Math.max(0, lost),
    lost_deliveries: Math.max(0, lost),
    server_cpu_share: round(cpu / wall),
    rss_mb: round(rssPeak),
    rss_per_idle_room_mb: round((rssRooms.rss - rssWarm.rss) / (rooms.length - warmRooms)),
    heap_per_idle_room_kb: round(((rssRooms.heap - rssWarm.heap) * 1024) / (rooms.length - warmRooms)),
    rss_per_connection_mb: round((rssAll.rss - rssRooms.rss) / others.length),
    heap_per_connection_kb: round(((rssAll.heap - rssRooms.heap) * 1024) / others.length),
    cpu_stall_share: round(stall),
    ...machineLoad(),
  };
}

async function main(): Promise<void> {
  process.env.SERVER_NODE_ARGS ??= "--expose-gc"; // GET /metrics collects before measuring
  const t = await createTestDatabase("postgresql");
  const redis = await startTestRedis();
  const tuning = { idleUnloadMs: 600_000 };
  const processes: CollabProcess[] = [];
  try {
    console.error(`Creating ${ROOMS} briefings...`);
    const one = await briefings(t);
    const single = await spawnCollabProcess({ databaseUrl: t.url, tokens: TOKENS, tuning });
    processes.push(single);
    console.error(`One instance: ${ROOMS * EDITORS} editors for ${SECONDS} s...`);
    const oneResult = await run([single], one);
    console.log(JSON.stringify(oneResult));
    await single.stop();

    const two = await briefings(t); // fresh rooms: nothing loaded from the first run
    const pair = [
      await spawnCollabProcess({ databaseUrl: t.url, tokens: TOKENS, tuning, redisUrl: redis.url }),
      await spawnCollabProcess({ databaseUrl: t.url, tokens: TOKENS, tuning, redisUrl: redis.url }),
    ];
    processes.push(...pair);
    console.error(`Two instances with Redis: ${ROOMS * EDITORS} editors for ${SECONDS} s...`);
    const twoResult = await run(pair, two);
    console.log(JSON.stringify(twoResult));
    printBenchLine(
      "load",
      {
        ratio_two_vs_one_p50: round(Number(twoResult.p50_ms) / Number(oneResult.p50_ms)),
        ratio_two_vs_one_p99: round(Number(twoResult.p99_ms) / Number(oneResult.p99_ms)),
      },
      {
        g4_p99: ratioGoal(
          "two instances p99_ms / one instance p99_ms",
          Number(twoResult.p99_ms),
          Number(oneResult.p99_ms),
          2,
        ),
      },
    );
  } finally {
    await Promise.all(processes.map((p) => p.stop()));
    await redis.kill();
    await t.drop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
