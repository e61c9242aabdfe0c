import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { createBriefing } from "@/lib/briefings/create";
import { LocalBriefingStore } from "@/lib/briefings/doc/store";
import { applyStoredState, briefingLog } from "@/lib/briefings/doc/update-log";
import { mentionNotifier } from "@/lib/notifications/document-mentions";
import {
  connectClient,
  eventually,
  startTestCollabServer,
  statusReached,
  synced,
  type TestClient,
  type TestCollabServer,
} from "@/lib/test/collab";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { buildUser } from "@/lib/test/fixtures";
import { appendParagraph, blockTexts } from "@/lib/test/ydoc";

describe.each(PROVIDERS)("collaboration server lifecycle on %s", (provider) => {
  let t: TestDatabase;
  let ownerId: string;
  let servers: TestCollabServer[] = [];
  let clients: TestClient[] = [];

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    ownerId = (await t.db.user.create({ data: buildUser() })).id;
  });
  afterEach(async () => {
    for (const client of clients) client.destroy();
    clients = [];
    await Promise.all(servers.map((server) => server.close()));
    servers = [];
  });
  afterAll(() => t?.drop());

  async function start(options: Parameters<typeof startTestCollabServer>[1] = {}) {
    const server = await startTestCollabServer(t, options);
    servers.push(server);
    return server;
  }
  const newBriefing = async () => (await createBriefing(t.db, { title: "Life", ownerId, template: "blank" })).id;
  function client(server: TestCollabServer, briefingId: string) {
    const c = connectClient(server.url, briefingId, "alice");
    clients.push(c);
    return c;
  }

  /** The stock y-websocket client alone (no save-status requests). */
  function stockClient(server: TestCollabServer, briefingId: string, token: string) {
    const doc = new Y.Doc();
    const stock = new WebsocketProvider(server.url, briefingId, doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      params: { token },
      disableBc: true,
    });
    return { doc, stock };
  }

  it("unloads an idle room after compacting it and refreshing the derived text", async () => {
    const server = await start({ idleUnloadMs: 50 });
    const id = await newBriefing();
    const c = client(server, id);
    await synced(c);
    appendParagraph(c.doc, "kept after unload");
    await statusReached(c, "saved");
    expect(server.collab.rooms.size).toBe(1);
    c.provider.disconnect();
    await eventually(() => server.collab.rooms.size === 0, 5_000, "room unload");
    const row = await t.db.briefing.findUniqueOrThrow({ where: { id } });
    expect(row.contentText).toBe("kept after unload");
    expect(row.yStateVersion).toBe(1);
    expect(await t.db.briefingUpdate.count({ where: { briefingId: id } })).toBe(0);

    c.provider.connect(); // a reopened room is loaded from the database again
    await synced(c);
    expect(server.collab.rooms.peek(id)).toBeDefined();
    await eventually(() => server.collab.rooms.peek(id)?.doc.getXmlFragment("default").length === 2);
  });

  it("opens a cold room from stored bytes and from a client's own state alike", async () => {
    const server = await start();
    const id = await newBriefing();
    const history = new Y.Doc();
    Y.applyUpdate(history, new Uint8Array((await t.db.briefing.findUniqueOrThrow({ where: { id } })).yState!));
    history.on("update", (update: Uint8Array) => void server.log.append(id, update));
    for (let i = 0; i < 5; i++) appendParagraph(history, `logged ${i}`); // a tail of log rows
    await eventually(async () => (await t.db.briefingUpdate.count({ where: { briefingId: id } })) === 5);

    // One client with nothing, one that already holds the stored state plus an offline edit.
    const offline = connectClient(server.url, id, "bob", false);
    clients.push(offline);
    Y.applyUpdate(offline.doc, Y.encodeStateAsUpdate(history));
    appendParagraph(offline.doc, "made offline");
    const fresh = connectClient(server.url, id, "alice", false);
    clients.push(fresh);
    const syncTypes = recordSyncTypes(fresh);
    let atSync: string[] = [];
    fresh.provider.once("sync", () => {
      atSync = blockTexts(fresh.doc);
    });
    fresh.provider.connect();
    offline.provider.connect();
    await Promise.all([synced(fresh), synced(offline)]);
    appendParagraph(fresh.doc, "typed at once");
    await Promise.all([statusReached(fresh, "saved"), statusReached(offline, "saved")]);
    const expected = ["logged 0", "logged 1", "logged 2", "logged 3", "logged 4"];
    for (const c of [fresh, offline]) {
      await eventually(() => blockTexts(c.doc).length === 7, 5_000, "both edits everywhere");
      expect(blockTexts(c.doc).slice(0, 5)).toEqual(expected);
      expect(blockTexts(c.doc).slice(5).sort()).toEqual(["made offline", "typed at once"]);
    }
    expect(blockTexts(server.collab.rooms.peek(id)!.doc)).toEqual(blockTexts(fresh.doc));
    // Log rows beyond the snapshot come first, as an update the client holds until the stored
    // snapshot (step 2) arrives: it counts as synced with the whole stored document, not before.
    expect(syncTypes.slice(0, 3)).toEqual([2, 1, 0]);
    expect(atSync).toEqual(expected);

    // A briefing that is a bare snapshot: a fresh client gets it before the server's step 1.
    const compacted = await newBriefing();
    const first = connectClient(server.url, compacted, "alice", false);
    clients.push(first);
    const firstTypes = recordSyncTypes(first);
    first.provider.connect();
    await synced(first);
    appendParagraph(first.doc, "after a fast open");
    await statusReached(first, "saved");
    expect(firstTypes.slice(0, 2)).toEqual([1, 0]);
    expect(blockTexts(server.collab.rooms.peek(compacted)!.doc)).toEqual(["after a fast open"]);
  });

  it("lets a fresh client apply the stored bytes alone: the room applies them on the first edit (or when idle)", async () => {
    // On a small machine the room applying the same state while the client did doubled the open.
    const server = await start({ applyStoredAfterMs: 60_000 });
    const id = await newBriefing();
    const { doc, stock } = stockClient(server, id, "alice");
    try {
      await new Promise<void>((resolve) => stock.once("sync", () => resolve()));
      stock.awareness.setLocalStateField("user", { name: "Alice" }); // presence needs no document
      const room = server.collab.rooms.peek(id)!;
      await eventually(() => room.awareness.getStates().size === 1, 5_000, "presence reached the room");
      expect(Y.encodeStateVector(room.doc)).toEqual(new Uint8Array([0])); // nothing applied yet
      appendParagraph(doc, "first edit");
      await eventually(() => blockTexts(room.doc).includes("first edit"), 5_000, "edit applied on the stored state");
      expect(blockTexts(room.doc)).toEqual(blockTexts(doc));
    } finally {
      stock.destroy();
      doc.destroy();
    }

    const idle = await start({ applyStoredAfterMs: 50 });
    const other = await newBriefing();
    const reader = client(idle, other);
    await synced(reader);
    await eventually(
      () => Y.encodeStateVector(idle.collab.rooms.peek(other)!.doc).length > 1,
      5_000,
      "applied when idle",
    );
  });

  it("shows unsaved while storing fails and saved once it recovers", async () => {
    let failures = 0;
    const store = new (class extends LocalBriefingStore {
      override async append(briefingId: string, update: Uint8Array): Promise<Uint8Array> {
        if (failures > 0) {
          failures--;
          throw new Error("database unavailable");
        }
        return super.append(briefingId, update);
      }
    })(briefingLog(t.db), mentionNotifier(t.db));
    const server = await start({
      store,
      persistence: { batchMs: 5, retryMinMs: 150, retryMaxMs: 150, onError: () => {} },
    });
    const id = await newBriefing();
    const c = client(server, id);
    await synced(c);
    await statusReached(c, "saved");
    failures = 3;
    appendParagraph(c.doc, "kept through the outage");
    await statusReached(c, "unsaved");
    await statusReached(c, "saved");
    expect(failures).toBe(0);
    const stored = new Y.Doc();
    applyStoredState(stored, (await server.log.load(id))!);
    expect(blockTexts(stored)).toContain("kept through the outage");
  });

  it("persists everything and closes clients with 1001 on shutdown", async () => {
    const server = await start({ persistence: { batchMs: 10_000, onError: () => {} } });
    const id = await newBriefing();
    const c = client(server, id);
    await synced(c);
    const closed = new Promise<number>((resolve) => {
      c.provider.on("connection-close", (event) => resolve(event?.code ?? 0));
    });
    appendParagraph(c.doc, "written at shutdown");
    await eventually(() => server.collab.rooms.peek(id)?.persistence.dirty ?? false, 5_000, "update at server");
    await server.close();
    servers = servers.filter((s) => s !== server);
    expect(await closed).toBe(1001);
    const row = await t.db.briefing.findUniqueOrThrow({ where: { id } });
    expect(row.contentText).toBe("written at shutdown");
  });

  it("terminates connections that stop answering pings", async () => {
    const server = await start({ heartbeatMs: 40 });
    const id = await newBriefing();
    const healthy = client(server, id);
    await synced(healthy);
    const silent = new WebSocket(`${server.url}/${id}?token=alice`, { autoPong: false });
    const code = await new Promise<number>((resolve) => silent.on("close", (c) => resolve(c)));
    expect(code).toBe(1006);
    await eventually(() => server.collab.connections.size === 1, 2_000, "server-side close");
    await new Promise((resolve) => setTimeout(resolve, 200)); // several more heartbeats
    expect(healthy.provider.wsconnected).toBe(true);
    expect(server.collab.connections.size).toBe(1);
  });

  it("sends nothing a stock client cannot handle", async () => {
    const server = await start();
    const id = await newBriefing();
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const { doc, stock } = stockClient(server, id, "bob");
    try {
      await new Promise<void>((resolve) => stock.once("sync", () => resolve()));
      const watcher = client(server, id);
      await synced(watcher);
      appendParagraph(doc, "from a stock client");
      await eventually(() => watcher.doc.getXmlFragment("default").length === 2, 5_000, "stock edit relayed");
      await server.collab.rooms.peek(id)!.persistence.flush();
      expect(errors).not.toHaveBeenCalled();
    } finally {
      stock.destroy();
      errors.mockRestore();
    }
  });
});

/** Records the type of every sync message (0 step 1, 1 step 2, 2 update) a client receives. */
function recordSyncTypes(client: TestClient): number[] {
  const types: number[] = [];
  const handle = client.provider.messageHandlers[0]!;
  client.provider.messageHandlers[0] = (encoder, decoder, ...rest) => {
    types.push(decoder.arr[decoder.pos]!);
    handle(encoder, decoder, ...rest);
  };
  return types;
}
