// Presence floods and connection floods (issue 12, case 8), against the real server with real
// clients: a share-link viewer flooding presence reaches an editor as a few bounded updates; a
// viewer can neither overwrite nor remove an editor's presence; sockets beyond a user's cap are refused.
import * as encoding from "lib0/encoding";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RawData, WebSocket } from "ws";
import { createBriefing } from "@/lib/briefings/create";
import {
  encodeSaveRequest,
  MESSAGE_AWARENESS,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_SAVE_STATUS,
} from "@/lib/collab/protocol";
import {
  connectClient,
  eventually,
  type Opened,
  openRaw as open,
  startTestCollabServer,
  synced,
  TEST_TOKENS,
  type TestClient,
  type TestCollabServer,
} from "@/lib/test/collab";
import { createTestDatabase, type TestDatabase } from "@/lib/test/databases";
import { buildUser } from "@/lib/test/fixtures";
import type { CollabServerOptions } from "./server";
import { createTokenAuthorizer, type TokenGrant } from "./token-authorizer";

const TOKENS: Record<string, TokenGrant> = {
  ...TEST_TOKENS,
  link: { userId: "share-link:L1", name: "Link viewer", readOnly: true, shareLinkId: "L1" },
};

type Entry = { clientId: number; clock: number; state: unknown };

/** An awareness message as a y-websocket client encodes it. */
function awarenessFrame(entries: Entry[]): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, entries.length);
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(update, clientId);
    encoding.writeVarUint(update, clock);
    encoding.writeVarString(update, JSON.stringify(state));
  }
  const message = encoding.createEncoder();
  encoding.writeVarUint(message, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(message, encoding.toUint8Array(update));
  return encoding.toUint8Array(message);
}

async function openSocket(server: TestCollabServer, briefingId: string, token: string): Promise<WebSocket> {
  const opened = await open(server, briefingId, token);
  if (!("ws" in opened)) throw new Error(`refused: ${opened.status} ${opened.body}`);
  return opened.ws;
}

/**
 * Resolves once the server has handled everything sent on `ws` before: it answers a save request
 * only after the messages ahead of it.
 */
function barrier(ws: WebSocket, nonce: number): Promise<void> {
  return new Promise((resolve) => {
    const onMessage = (data: RawData) => {
      const bytes = data as Buffer;
      if (bytes[0] !== MESSAGE_SAVE_STATUS || bytes[1] !== nonce) return;
      ws.off("message", onMessage);
      resolve();
    };
    ws.on("message", onMessage);
    ws.send(encodeSaveRequest(nonce));
  });
}

describe("presence and connection limits", () => {
  let t: TestDatabase;
  let ownerId: string;
  const servers: TestCollabServer[] = [];
  const clients: TestClient[] = [];
  const sockets: WebSocket[] = [];

  beforeAll(async () => {
    t = await createTestDatabase("sqlite");
    ownerId = (await t.db.user.create({ data: buildUser() })).id;
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    for (const ws of sockets.splice(0)) ws.terminate();
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  afterAll(async () => {
    await t?.drop();
  });

  async function start(options: Partial<CollabServerOptions> = {}) {
    const server = await startTestCollabServer(t, { authorize: createTokenAuthorizer(TOKENS), ...options });
    servers.push(server);
    return server;
  }
  const briefing = async () => (await createBriefing(t.db, { title: "Limits", ownerId, template: "blank" })).id;
  function connect(server: TestCollabServer, id: string, token: string): TestClient {
    const client = connectClient(server.url, id, token);
    clients.push(client);
    return client;
  }
  async function socket(server: TestCollabServer, id: string, token: string): Promise<WebSocket> {
    const ws = await openSocket(server, id, token);
    sockets.push(ws);
    return ws;
  }

  it("caps a share-link viewer's presence flood: the editor gets a few bounded updates a second", async () => {
    const limits = { maxClients: 4, maxStateChars: 4096, ratePerSecond: 5, burst: 5 };
    const server = await start({ presenceLimits: limits });
    const id = await briefing();
    const editor = connect(server, id, "alice");
    await synced(editor);
    const own = editor.doc.clientID;
    let updates = 0;
    let bytes = 0;
    editor.provider.awareness.on("update", (change: Record<string, number[]>, origin: unknown) => {
      if (origin === "local") return;
      if (Object.values(change).some((ids) => ids.some((clientId) => clientId !== own))) updates++;
    });
    (editor.provider.ws as unknown as WebSocket).on("message", (data: RawData) => {
      // y-websocket asks for ArrayBuffers.
      const message = data instanceof ArrayBuffer ? new Uint8Array(data) : (data as Buffer);
      if (message[0] === MESSAGE_AWARENESS) bytes += message.length;
    });
    const foreignStates = () => [...editor.provider.awareness.getStates().keys()].filter((c) => c !== own).length;

    const viewer = await socket(server, id, "link");
    const started = performance.now();
    for (let i = 0; i < 200; i++) {
      const entries = Array.from({ length: 20 }, (_, j) => ({
        clientId: 1_000_000 + i * 20 + j,
        clock: 1,
        state: { user: { name: "flood" }, pad: "x".repeat(1_000) },
      }));
      viewer.send(awarenessFrame(entries)); // 200 messages, 4,000 presences, about 4 MB
    }
    await barrier(viewer, 1);
    await eventually(() => foreignStates() >= limits.maxClients, 5_000, "the viewer's admitted presences");
    const seconds = (performance.now() - started) / 1000;

    expect(foreignStates()).toBe(limits.maxClients);
    expect(updates).toBeLessThanOrEqual(limits.burst + Math.ceil(limits.ratePerSecond * seconds) + 1);
    const largestMessage = limits.maxClients * (limits.maxStateChars + 256) + 16;
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThanOrEqual(updates * largestMessage);
    const [connection] = [...server.collab.connections].filter((c) => c.user.shareLinkId === "L1");
    expect(connection?.presence.refused).toBe(200 * 20 - limits.maxClients);
    console.log(`[presence] flood of 200 messages: editor got ${updates} updates, ${bytes} bytes`);
  });

  it("keeps the newest presence of a fast client when its updates are coalesced", async () => {
    const server = await start({ presenceLimits: { ratePerSecond: 5, burst: 2 } });
    const id = await briefing();
    const typist = connect(server, id, "alice");
    const watcher = connect(server, id, "bob");
    await Promise.all([synced(typist), synced(watcher)]);
    for (let caret = 0; caret <= 100; caret++) typist.provider.awareness.setLocalStateField("caret", caret);
    const caretSeen = () =>
      (watcher.provider.awareness.getStates().get(typist.doc.clientID) as { caret?: number } | undefined)?.caret;
    await eventually(() => caretSeen() === 100, 5_000, "the last caret position");
  });

  it("answers requests for everyone's presence within the same rate", async () => {
    const limits = { ratePerSecond: 5, burst: 5 };
    const server = await start({ presenceLimits: limits });
    const id = await briefing();
    const viewer = await socket(server, id, "link");
    let answers = 0;
    viewer.on("message", (data: RawData) => {
      if ((data as Buffer)[0] === MESSAGE_AWARENESS) answers++;
    });
    const started = performance.now();
    for (let i = 0; i < 100; i++) viewer.send(Uint8Array.of(MESSAGE_QUERY_AWARENESS));
    await barrier(viewer, 1);
    const seconds = (performance.now() - started) / 1000;
    expect(answers).toBeGreaterThan(0);
    expect(answers).toBeLessThanOrEqual(limits.burst + Math.ceil(limits.ratePerSecond * seconds));
  });

  it("refuses a viewer's entries for an editor's client id: no overwriting, no removing", async () => {
    const server = await start();
    const id = await briefing();
    const alice = connect(server, id, "alice");
    const bob = connect(server, id, "bob");
    await Promise.all([synced(alice), synced(bob)]);
    const aliceId = alice.doc.clientID;
    alice.provider.awareness.setLocalStateField("caret", 7);
    const seenByBob = () => bob.provider.awareness.getStates().get(aliceId) as Record<string, unknown> | undefined;
    await eventually(() => seenByBob()?.caret === 7, 5_000, "Alice's presence");

    const viewer = await socket(server, id, "viewer");
    viewer.send(awarenessFrame([{ clientId: aliceId, clock: 1_000, state: { user: { name: "Alice" }, caret: 0 } }]));
    viewer.send(awarenessFrame([{ clientId: aliceId, clock: 1_001, state: null }]));
    await barrier(viewer, 1);
    const room = server.collab.rooms.peek(id);
    expect(room?.awareness.getStates().get(aliceId)).toMatchObject({ caret: 7, user: { id: "alice", name: "Alice" } });

    viewer.close();
    await eventually(() => server.collab.connections.size === 2, 5_000, "the viewer's connection to end");
    expect(room?.awareness.getStates().get(aliceId)).toMatchObject({ caret: 7 });
    expect(seenByBob()).toMatchObject({ caret: 7, user: { id: "alice" } });

    // Alice removes her own presence.
    alice.provider.awareness.setLocalState(null);
    await eventually(() => !room?.awareness.getStates().has(aliceId), 5_000, "Alice's own removal");
  });

  it("ignores a stock client's echoes of other people's presence, even of people who have left", async () => {
    const server = await start();
    const id = await briefing();
    const alice = await socket(server, id, "alice");
    const others = ["bob", "carol", "viewer", "link"];
    for (const [i, token] of others.entries()) {
      const ws = await socket(server, id, token);
      ws.send(awarenessFrame([{ clientId: 11 + i, clock: 1, state: { caret: i } }]));
      await barrier(ws, 1);
      ws.close();
    }
    await eventually(() => server.collab.connections.size === 1, 5_000, "the others to leave");

    // y-websocket sends every presence change it hears back to the server; these arrived late.
    alice.send(awarenessFrame(others.map((_, i) => ({ clientId: 11 + i, clock: 1, state: { caret: i } }))));
    alice.send(awarenessFrame([{ clientId: 99, clock: 1, state: { caret: 5 } }]));
    await barrier(alice, 1);
    const room = server.collab.rooms.peek(id);
    expect([...(room?.awareness.getStates().keys() ?? [])]).toEqual([99]);
    expect([...server.collab.connections][0]?.presence.refused).toBe(0);
  });

  it("lets a person's new connection take over their presence while the old one is still open", async () => {
    const server = await start();
    const id = await briefing();
    const clientId = 4242;
    const old = await socket(server, id, "alice");
    old.send(awarenessFrame([{ clientId, clock: 1, state: { caret: 3 } }]));
    await barrier(old, 1);
    const room = server.collab.rooms.peek(id);
    expect(room?.awareness.getStates().get(clientId)).toMatchObject({ caret: 3 });

    // The same tab after a network change: a new socket, the same Yjs client id, the old socket not gone yet.
    const reconnected = await socket(server, id, "alice");
    reconnected.send(awarenessFrame([{ clientId, clock: 2, state: { caret: 4 } }]));
    await barrier(reconnected, 1);
    expect(room?.awareness.getStates().get(clientId)).toMatchObject({ caret: 4, user: { id: "alice" } });

    old.terminate(); // the old socket dies: the presence now belongs to the new one and stays
    await eventually(() => server.collab.connections.size === 1, 5_000, "the old connection to end");
    expect(room?.awareness.getStates().get(clientId)).toMatchObject({ caret: 4 });
  });

  it("refuses sockets beyond the caps per user and briefing, per user, and per share link (429)", async () => {
    const server = await start({ connectionLimits: { perUserPerBriefing: 3, perUser: 4, perShareLink: 2 } });
    const [a, b] = [await briefing(), await briefing()];
    const keep = (results: Opened[]) => {
      for (const r of results) if ("ws" in r) sockets.push(r.ws);
      return results;
    };
    const status = (r: Opened) => ("ws" in r ? 101 : r.status);

    // Six at once: the caps hold even for simultaneous upgrades.
    const onA = keep(await Promise.all(Array.from({ length: 6 }, () => open(server, a, "alice"))));
    expect(onA.map(status).sort()).toEqual([101, 101, 101, 429, 429, 429]);
    const refusal = onA.find((r) => !("ws" in r));
    expect(refusal && "body" in refusal ? refusal.body : "").toMatch(/too many tabs.*limit 3/);

    const onB = keep(await Promise.all([open(server, b, "alice"), open(server, b, "alice")]));
    expect(onB.map(status).sort()).toEqual([101, 429]);
    expect(status(await open(server, b, "bob"))).toBe(101); // other users are not affected

    // A closed socket frees its slot.
    const first = onA.find((r) => "ws" in r);
    if (first && "ws" in first) first.ws.close();
    await eventually(
      async () => {
        const retry = await open(server, b, "alice");
        keep([retry]);
        return status(retry) === 101;
      },
      5_000,
      "a free slot after closing a socket",
    );

    const viaLink = keep(await Promise.all(Array.from({ length: 3 }, () => open(server, a, "link"))));
    expect(viaLink.map(status).sort()).toEqual([101, 101, 429]);
  });
});
