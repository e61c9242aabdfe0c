import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createBriefing } from "@/lib/briefings/create";
import type { SaveStatus } from "@/lib/collab/save-status";
import { connectClient, eventually, sleep, synced, TEST_TOKENS, type TestClient, typist } from "@/lib/test/collab";
import { type CollabProcess, spawnCollabProcess } from "@/lib/test/collab-process";
import { createTestDatabase, type TestDatabase } from "@/lib/test/databases";
import { buildUser } from "@/lib/test/fixtures";
import { startTestRedis, type TestRedis } from "@/lib/test/redis";
import { startTcpProxy, type TcpProxy } from "@/lib/test/tcp-proxy";
import { blockTexts } from "@/lib/test/ydoc";

// Fault tests of several instances (issue: scale-out): real processes, real PostgreSQL, a private
// real Redis that can be killed, and a loopback TCP balancer in front (no sticky sessions: each new
// connection goes to the next live instance). Bounded by the deadlines of `eventually`.

const TOKENS = ["alice", "bob", "carol"] as const;
type Typist = ReturnType<typeof typist>;

let t: TestDatabase;
let redis: TestRedis;
const processes: CollabProcess[] = [];
const proxies: TcpProxy[] = [];
const clients: TestClient[] = [];

beforeAll(async () => {
  t = await createTestDatabase("postgresql");
  redis = await startTestRedis();
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await Promise.all(processes.splice(0).map((p) => p.stop("SIGKILL")));
  await Promise.all(proxies.splice(0).map((p) => p.close()));
});
afterAll(async () => {
  await redis?.kill();
  await t?.drop();
});

async function newBriefing(title: string): Promise<string> {
  const ownerId = (await t.db.user.create({ data: buildUser() })).id;
  return (await createBriefing(t.db, { title, ownerId, template: "policy-brief" })).id;
}

async function instance(databaseUrl = t.url, tuning: Record<string, number> = {}): Promise<CollabProcess> {
  const spawned = await spawnCollabProcess({
    databaseUrl,
    tokens: TEST_TOKENS,
    tuning: { batchMs: 20, compactEvery: 100_000, ...tuning },
    redisUrl: redis.url,
  });
  processes.push(spawned);
  return spawned;
}

async function balancer(backends: CollabProcess[]): Promise<string> {
  const proxy = await startTcpProxy(backends.map((b) => b.port));
  proxies.push(proxy);
  return `ws://127.0.0.1:${proxy.port}/collab`;
}

async function connectMany(url: string, briefingId: string, count: number): Promise<TestClient[]> {
  const made = Array.from({ length: count }, (_, i) => connectClient(url, briefingId, TOKENS[i % TOKENS.length]!));
  clients.push(...made);
  await Promise.all(made.map(synced));
  return made;
}

async function typeRounds(typists: Typist[], rounds: number, pauseMs = 40): Promise<void> {
  for (let round = 0; round < rounds; round++) {
    for (const x of typists) x.type(1);
    await sleep(pauseMs);
  }
}

/** Every client shows the same blocks, containing every paragraph anyone typed, all saved. */
async function convergedAndSaved(group: TestClient[], typists: Typist[], timeoutMs = 30_000): Promise<string[]> {
  const all = typists.flatMap((x) => x.made);
  const converged = () => {
    const first = JSON.stringify(blockTexts(group[0]!.doc));
    return group.every((c) => c.status.status === "saved" && JSON.stringify(blockTexts(c.doc)) === first);
  };
  await eventually(converged, timeoutMs, "all clients identical and saved").catch((error: Error) => {
    const state = group.map((c) => {
      const own = Y.getState(c.doc.store, c.doc.clientID);
      const stored = c.status.lastMessage?.stateVector.get(c.doc.clientID);
      const t = c.status as unknown as { localSeq: number; ackedSeq: number };
      return `${c.status.status}/${blockTexts(c.doc).length}/${c.provider.wsconnected}/own=${own}/stored=${stored}/seq=${t.localSeq},${t.ackedSeq}`;
    });
    throw new Error(`${error.message}: per client: ${state.join(" ")}`);
  });
  const texts = blockTexts(group[0]!.doc);
  expect(texts).toEqual(expect.arrayContaining(all));
  return texts;
}

/** Reads the briefing as stored, through a fresh instance that shares nothing with the others. */
async function storedTexts(briefingId: string): Promise<string[]> {
  const fresh = await spawnCollabProcess({ databaseUrl: t.url, tokens: TEST_TOKENS });
  processes.push(fresh);
  const [reader] = await connectMany(fresh.url, briefingId, 1);
  return blockTexts(reader!.doc);
}

/** The Yjs structs of every stored log row, to check no row repeats another's. */
async function storedStructRanges(briefingId: string): Promise<Map<string, number>> {
  const rows = await t.db.briefingUpdate.findMany({ where: { briefingId }, select: { data: true } });
  const seen = new Map<string, number>();
  for (const row of rows) {
    for (const struct of Y.decodeUpdate(new Uint8Array(row.data)).structs) {
      if (struct.constructor.name === "Skip") continue;
      for (let clock = struct.id.clock; clock < struct.id.clock + struct.length; clock++) {
        const key = `${struct.id.client}:${clock}`;
        seen.set(key, (seen.get(key) ?? 0) + 1);
      }
    }
  }
  return seen;
}

function expectOrderKept(texts: string[], typists: Typist[]): void {
  for (const x of typists) {
    const own = texts.filter((text) => x.made.includes(text));
    expect(own).toEqual(x.made); // each typed once, in order
  }
}

describe("several instances over PostgreSQL and Redis", () => {
  it("20 clients over two instances converge, each update is stored once, and a kill -9 loses nothing saved", async () => {
    const id = await newBriefing("Scale-out");
    const a = await instance();
    const b = await instance();
    const group = await connectMany(await balancer([a, b]), id, 20);
    const typists = group.map((client, i) => typist(client, `c${i}`));

    await typeRounds(typists, 5);
    await convergedAndSaved(group, typists);
    // Every struct stored exactly once: each instance stored only its own clients' updates.
    const counts = await storedStructRanges(id);
    expect(counts.size).toBeGreaterThan(0);
    expect([...counts.values()].filter((n) => n > 1)).toEqual([]);

    await typeRounds(typists, 3);
    const savedBeforeKill = typists.flatMap((x) => x.saved());
    expect(savedBeforeKill.length).toBeGreaterThanOrEqual(100);
    await a.stop("SIGKILL");
    await typeRounds(typists, 5); // while half the clients reconnect through the balancer to b

    const texts = await convergedAndSaved(group, typists);
    expectOrderKept(texts, typists);
    expect(b.child.exitCode).toBeNull();

    const stored = await storedTexts(id);
    expect(stored).toEqual(expect.arrayContaining(savedBeforeKill));
    expect(stored).toEqual(texts);
  });

  it("keeps editing through a Redis restart and converges once it is back", async () => {
    const id = await newBriefing("Redis restart");
    const a = await instance();
    const b = await instance();
    const group = await connectMany(await balancer([a, b]), id, 6);
    const typists = group.map((client, i) => typist(client, `r${i}`));
    await typeRounds(typists, 3);
    await convergedAndSaved(group, typists);

    await redis.kill();
    await typeRounds(typists, 10, 100); // ~1 s without the link between the instances
    await redis.start();
    await typeRounds(typists, 3);

    const texts = await convergedAndSaved(group, typists);
    expectOrderKept(texts, typists);
    expect([a, b].map((p) => p.child.exitCode)).toEqual([null, null]);
    expect(await storedTexts(id)).toEqual(texts);
  });

  it("keeps editing through a PostgreSQL restart, shows 'not saved', and stores everything once back", async () => {
    const id = await newBriefing("PostgreSQL outage");
    const pg = await startTcpProxy([new URL(t.url).port ? Number(new URL(t.url).port) : 5432]);
    proxies.push(pg);
    const viaProxy = new URL(t.url);
    viaProxy.port = String(pg.port);
    const a = await instance(viaProxy.toString(), { retryMaxMs: 500 });
    const b = await instance(viaProxy.toString(), { retryMaxMs: 500 });
    const group = await connectMany(await balancer([a, b]), id, 6);
    const typists = group.map((client, i) => typist(client, `p${i}`));
    const seen = new Set<SaveStatus>();
    for (const client of group) client.status.subscribe((status) => seen.add(status));
    await typeRounds(typists, 3);
    await convergedAndSaved(group, typists);

    // As a restart does: the server ends every session of the database ("terminating connection
    // due to administrator command"), and connections are refused until it is back.
    pg.setDown(true);
    await t.db.$executeRawUnsafe(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
    );
    await typeRounds(typists, 15, 100); // ~1.5 s: every write fails and is retried
    await eventually(() => seen.has("unsaved"), 10_000, "clients told their changes are not saved");
    pg.setDown(false);
    await typeRounds(typists, 2);

    const texts = await convergedAndSaved(group, typists);
    expectOrderKept(texts, typists);
    expect([a, b].map((p) => p.child.exitCode)).toEqual([null, null]);
    expect(await storedTexts(id)).toEqual(texts);
  });
});
