// Hostile input against the real collaboration server: while three real y-websocket clients keep
// editing one briefing, many attacker connections send random and malformed frames, and
// slow-loris clients trickle upgrade requests that never finish. Reproduce a failure with
// FUZZ_SEED=<seed printed at the start>; FUZZ_FRAMES changes how many frames are sent.
import v8 from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createBriefing } from "@/lib/briefings/create";
import { applyStoredState } from "@/lib/briefings/doc/update-log";
import { CLOSE } from "@/lib/collab/protocol";
import {
  connectClient,
  eventually,
  startTestCollabServer,
  synced,
  type TestClient,
  type TestCollabServer,
} from "@/lib/test/collab";
import { createTestDatabase, type TestDatabase } from "@/lib/test/databases";
import { buildUser } from "@/lib/test/fixtures";
import { type AttackOutcome, attack } from "@/lib/test/fuzz-attacker";
import { allowedOutcomes, createRng, FRAME_KINDS, fuzzFrame, pickKind } from "@/lib/test/fuzz-frames";
import { invalidWebSocketFrame, type RawClose, rawWebSocketSend, slowLoris } from "@/lib/test/raw-socket";
import { appendParagraph, blockTexts } from "@/lib/test/ydoc";
import { createTokenAuthorizer } from "./token-authorizer";

const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 32));
const FRAMES = Number(process.env.FUZZ_FRAMES ?? 10_000);
const ATTACKERS = 12; // connections under way at once
const SLOW_LORIS = 20;
const MAX_MESSAGE_BYTES = 64 * 1024; // smaller than production's 1 MiB so oversized frames stay cheap
const HEADERS_TIMEOUT_MS = 2_000;
const EDITORS = ["alice", "bob", "carol"] as const;

v8.setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
function heapUsedAfterGc(): number {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}
const MiB = 1024 * 1024;
const fragmentXml = (doc: Y.Doc) => doc.getXmlFragment("default").toString();

describe(`collaboration server under hostile input (FUZZ_SEED=${SEED})`, () => {
  const rng = createRng(SEED);
  let t: TestDatabase;
  let server: TestCollabServer;
  let briefingId = "";
  const editors: TestClient[] = [];
  const written = new Map<string, string[]>();
  let editorCloses = 0;
  const sent = Object.fromEntries([...FRAME_KINDS, "ws-framing"].map((k) => [k, 0])) as Record<string, number>;
  const outcomes = new Map<string, number>();
  const mismatches: string[] = [];
  let heapBefore = 0;

  beforeAll(async () => {
    console.log(`collab fuzz: FUZZ_SEED=${SEED} FUZZ_FRAMES=${FRAMES}`);
    t = await createTestDatabase("sqlite");
    const ownerId = (await t.db.user.create({ data: buildUser() })).id;
    briefingId = (await createBriefing(t.db, { title: "Under attack", ownerId, template: "policy-brief" })).id;
    server = await startTestCollabServer(t, {
      maxMessageBytes: MAX_MESSAGE_BYTES,
      authorize: createTokenAuthorizer({
        ...Object.fromEntries(EDITORS.map((n) => [n, { userId: n, name: n, readOnly: false }])),
        probe: { userId: "probe", name: "Probe", readOnly: false },
        mallory: { userId: "mallory", name: "Mallory", readOnly: false },
        eve: { userId: "eve", name: "Eve", readOnly: true },
      }),
      http: { headersTimeoutMs: HEADERS_TIMEOUT_MS, requestTimeoutMs: 2 * HEADERS_TIMEOUT_MS },
    });
    for (const name of EDITORS) {
      const client = connectClient(server.url, briefingId, name);
      client.provider.on("connection-close", () => editorCloses++);
      client.provider.awareness.setLocalStateField("user", { name }); // as the editor does
      editors.push(client);
      written.set(name, []);
    }
    await Promise.all(editors.map(synced));
    heapBefore = heapUsedAfterGc();
  });

  afterAll(async () => {
    for (const client of editors) client.destroy();
    await server?.close();
    await t?.drop();
  });

  /**
   * Starts one attacker connection (a websocket-framing violation, or a burst of protocol frames)
   * and says how many frames it sends; `done` settles once the server has answered or closed.
   */
  function oneConnection(remaining: number): { frames: number; done: Promise<void> } {
    const readOnly = rng.next() < 0.2;
    const query = `/${briefingId}?token=${readOnly ? "eve" : "mallory"}`;
    if (rng.next() < 0.04) {
      const frame = invalidWebSocketFrame(rng);
      sent["ws-framing"]!++;
      const done = rawWebSocketSend(server.port, `/collab${query}`, frame.bytes).then((closed) =>
        record(closed.code, new Set([frame.code]), `ws-framing ${frame.name}`),
      );
      return { frames: 1, done };
    }
    const frames = Array.from({ length: Math.min(remaining, rng.int(1, 5)) }, () =>
      fuzzFrame(rng, pickKind(rng), MAX_MESSAGE_BYTES, readOnly),
    );
    for (const frame of frames) sent[frame.kind]!++;
    const allowed = allowedOutcomes(frames);
    const what = frames.map((f) => f.kind).join(",");
    return {
      frames: frames.length,
      done: attack(`${server.url}${query}`, frames).then((o) => record(o, allowed, what)),
    };
  }

  function record(outcome: AttackOutcome, allowed: Set<AttackOutcome>, what: string) {
    const key = String(outcome);
    outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
    if (!allowed.has(outcome) && mismatches.length < 20)
      mismatches.push(`${what}: got ${key}, allowed ${[...allowed]}`);
  }

  it("keeps serving editors and new connections while hostile frames and slow-loris clients arrive", async () => {
    const started = Date.now();
    let attacking = true;
    // Editors type throughout.
    let round = 0;
    const typing = setInterval(() => {
      round++;
      EDITORS.forEach((name, i) => {
        const text = `${name} ${round}`;
        appendParagraph(editors[i]!.doc, text);
        written.get(name)!.push(text);
      });
    }, 100);
    // A new legitimate client must be able to connect and sync at any time.
    const probes: number[] = [];
    const probing = (async () => {
      while (attacking) {
        const begun = Date.now();
        const probe = connectClient(server.url, briefingId, "probe");
        try {
          await eventually(() => probe.provider.synced, 15_000, `probe ${probes.length + 1} to sync`);
        } finally {
          probe.destroy();
        }
        probes.push(Date.now() - begun);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    })();
    const path = `/collab/${briefingId}?token=mallory`;
    const lorises = Array.from({ length: SLOW_LORIS }, () => slowLoris(server.port, path, 300, 30_000));

    let budget = FRAMES;
    let connections = 0;
    try {
      await Promise.all(
        Array.from({ length: ATTACKERS }, async () => {
          while (budget > 0) {
            connections++;
            // The frames are claimed before awaiting, so the workers never overshoot the budget.
            const { frames, done } = oneConnection(budget);
            budget -= frames;
            await done;
          }
        }),
      );
    } finally {
      attacking = false;
      clearInterval(typing);
    }
    const attackMs = Date.now() - started;
    const lorisClosed: RawClose[] = await Promise.all(lorises);
    await probing;

    const total = Object.values(sent).reduce((a, b) => a + b, 0);
    console.log(
      JSON.stringify({
        seed: SEED,
        framesSent: total,
        byKind: sent,
        connections,
        outcomes: Object.fromEntries(outcomes),
        attackMs,
        probes: { count: probes.length, maxMs: Math.max(...probes) },
        slowLoris: { count: lorisClosed.length, closedAfterMs: Math.max(...lorisClosed.map((l) => l.afterMs)) },
        paragraphsTyped: round * EDITORS.length,
      }),
    );
    expect(total).toBe(FRAMES);
    expect(mismatches, `close codes (seed ${SEED})`).toEqual([]);
    expect(probes.length).toBeGreaterThan(0);
    for (const loris of lorisClosed) {
      expect(loris.code, "slow-loris closed by the server, not by giving up").toBe(0);
      expect(loris.response).toMatch(/^HTTP\/1\.1 408/);
    }
    // Every documented code that the mix of frames must produce was seen.
    for (const code of [CLOSE.protocolError, CLOSE.unsupportedData, CLOSE.invalidPayload, CLOSE.messageTooBig]) {
      expect(outcomes.get(String(code)), `close code ${code}`).toBeGreaterThan(0);
    }
    expect(editorCloses, "editors were never disconnected").toBe(0);
  }, 120_000);

  it("converges the editors with every edit, and drops every attacker's connection and presence", async () => {
    await eventually(() => server.collab.connections.size === EDITORS.length, 10_000, "attacker connections gone");
    const room = server.collab.rooms.peek(briefingId)!;
    const editorIds = editors.map((c) => c.doc.clientID).sort();
    await eventually(
      () => [...room.awareness.getStates().keys()].sort().join() === editorIds.join(),
      10_000,
      "only the editors' presence",
    );
    await eventually(
      () => editors.every((c) => fragmentXml(c.doc) === fragmentXml(room.doc)),
      20_000,
      "editors converge",
    );
    for (const client of editors) {
      const texts = new Set(blockTexts(client.doc));
      for (const [name, lines] of written)
        expect(
          lines.filter((l) => !texts.has(l)),
          name,
        ).toEqual([]);
    }
    const heapAfter = heapUsedAfterGc();
    console.log(
      JSON.stringify({
        heapBeforeMiB: +(heapBefore / MiB).toFixed(1),
        heapAfterMiB: +(heapAfter / MiB).toFixed(1),
        // Kept by Yjs, not a leak of ours: structs of corrupt updates whose dependencies never come.
        pendingStructBytes: room.doc.store.pendingStructs?.update.length ?? 0,
        documentBytes: Y.encodeStateAsUpdate(room.doc).length,
      }),
    );
    // Measured growth is 8-10 MiB at 10,000 frames and 14 MiB at 30,000 (the documents on both
    // sides grow by the edits, V8 keeps compiled code and buffer pools). A leak of even 7 KiB per
    // attacker connection (a socket and its buffers) over ~3,400 connections would exceed this.
    expect((heapAfter - heapBefore) / MiB).toBeLessThan(32);
  }, 60_000);

  it("loads the same content in a fresh client, from the store and in a fresh server", async () => {
    const expected = fragmentXml(editors[0]!.doc);
    const fresh = connectClient(server.url, briefingId, "probe");
    await synced(fresh);
    expect(fragmentXml(fresh.doc)).toBe(expected);
    fresh.destroy();

    await server.collab.rooms.peek(briefingId)!.persistence.flush();
    const stored = new Y.Doc();
    applyStoredState(stored, (await server.log.load(briefingId))!);
    expect(fragmentXml(stored)).toBe(expected);

    for (const client of editors) client.destroy();
    editors.length = 0;
    await server.close();
    server = await startTestCollabServer(t);
    const reloaded = connectClient(server.url, briefingId, "alice");
    await synced(reloaded);
    expect(fragmentXml(reloaded.doc)).toBe(expected);
    reloaded.destroy();
  }, 60_000);
});
