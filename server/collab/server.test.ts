import * as encoding from "lib0/encoding";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import * as Y from "yjs";
import { createBriefing } from "@/lib/briefings/create";
import { applyStoredState } from "@/lib/briefings/doc/update-log";
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

describe.each(PROVIDERS)("collaboration server on %s", (provider) => {
  let t: TestDatabase;
  let server: TestCollabServer;
  let ownerId: string;
  let clients: TestClient[] = [];

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    ownerId = (await t.db.user.create({ data: buildUser() })).id;
    server = await startTestCollabServer(t, { idleUnloadMs: 60_000 }, true); // the store on a worker, as in production
  });
  afterEach(() => {
    for (const client of clients) client.destroy();
    clients = [];
  });
  afterAll(async () => {
    await server?.close();
    await t?.drop();
  });

  const newBriefing = async (template: "blank" | "policy-brief" = "blank") =>
    (await createBriefing(t.db, { title: "Shared", ownerId, template })).id;

  function client(briefingId: string, token: string, connect = true): TestClient {
    const c = connectClient(server.url, briefingId, token, connect);
    clients.push(c);
    return c;
  }

  async function storedTexts(briefingId: string): Promise<string[]> {
    const doc = new Y.Doc();
    applyStoredState(doc, (await server.log.load(briefingId))!);
    return blockTexts(doc);
  }

  it("writes the messages a peer gets in one turn of the event loop with one system call", async () => {
    // Under load most of the server's CPU went to one socket write per message per peer.
    const id = await newBriefing();
    const watcher = client(id, "alice");
    await synced(watcher);
    const connection = [...server.collab.connections].find((c) => c.room.id === id)!;
    const socket = (connection.ws as unknown as { _socket: { _writev: (...args: unknown[]) => void } })._socket;
    let writes = 0;
    const writev = socket._writev.bind(socket);
    socket._writev = (...args: unknown[]) => {
      writes++;
      writev(...args);
    };
    const received: Uint8Array[] = [];
    const source = new Y.Doc();
    source.on("update", (update: Uint8Array) => received.push(update));
    for (let i = 0; i < 10; i++) appendParagraph(source, `relayed ${i}`);
    // The room relays the ten updates in one turn, as when they arrive in one batch of I/O.
    await new Promise<void>((resolve) => connection.room.whenReady(resolve));
    writes = 0;
    for (const update of received) Y.applyUpdate(connection.room.doc, update, "another peer");
    await new Promise((resolve) => setImmediate(resolve)); // the turn the writes are released in
    expect(writes).toBe(1);
    const relayed = () => blockTexts(watcher.doc).filter((text) => text.startsWith("relayed")).length;
    await eventually(() => relayed() === 10, 5_000, "all ten relayed");
  });

  it("converges concurrent edits from three clients and reports them saved only once stored", async () => {
    const id = await newBriefing();
    const [a, b, c] = [client(id, "alice"), client(id, "bob"), client(id, "carol")];
    await Promise.all([a, b, c].map(synced));
    for (let i = 0; i < 5; i++)
      for (const [name, x] of [
        ["a", a],
        ["b", b],
        ["c", c],
      ] as const)
        appendParagraph(x.doc, `${name}${i}`);
    expect(a.status.status).toBe("saving");
    await eventually(
      () =>
        [b, c].every(
          (x) =>
            Y.encodeStateAsUpdate(x.doc).length === Y.encodeStateAsUpdate(a.doc).length &&
            blockTexts(x.doc).join() === blockTexts(a.doc).join(),
        ),
      5_000,
      "convergence",
    );
    expect(blockTexts(a.doc).filter(Boolean)).toHaveLength(15);
    await Promise.all([a, b, c].map((x) => statusReached(x, "saved")));
    expect((await storedTexts(id)).sort()).toEqual(blockTexts(a.doc).sort());
  });

  it("drops a read-only client's writes but relays its awareness", async () => {
    const id = await newBriefing();
    const [editor, viewer] = [client(id, "alice"), client(id, "viewer")];
    await Promise.all([synced(editor), synced(viewer)]);
    viewer.provider.awareness.setLocalStateField("user", { name: "Vera Viewer" });
    appendParagraph(viewer.doc, "forbidden");
    appendParagraph(editor.doc, "allowed");
    await statusReached(viewer, "read-only");
    await statusReached(editor, "saved");
    await eventually(() => blockTexts(viewer.doc).includes("allowed"), 5_000, "editor text at viewer");
    await eventually(
      () => [...editor.provider.awareness.getStates().values()].some((s) => s.user?.name === "Vera Viewer"),
      5_000,
      "viewer awareness at editor",
    );
    expect(blockTexts(editor.doc)).not.toContain("forbidden");
    // Presence shows the signed-in identity, whatever name a client claims.
    editor.provider.awareness.setLocalStateField("user", { name: "Vera Viewer", color: "#123456" });
    await eventually(
      () =>
        [...viewer.provider.awareness.getStates().values()].some(
          (s) => s.user?.id === "alice" && s.user?.name === "Alice" && s.user?.color === "#123456",
        ),
      5_000,
      "the editor's presence under its own name at the viewer",
    );
    const room = server.collab.rooms.peek(id)!;
    expect(blockTexts(room.doc)).not.toContain("forbidden");
    await room.persistence.flush();
    expect(await storedTexts(id)).not.toContain("forbidden");
    expect(await storedTexts(id)).toContain("allowed");
  });

  it("merges edits made offline after reconnecting", async () => {
    const id = await newBriefing();
    const [a, b] = [client(id, "alice"), client(id, "bob")];
    await Promise.all([synced(a), synced(b)]);
    b.provider.disconnect();
    appendParagraph(a.doc, "online edit");
    appendParagraph(b.doc, "offline edit");
    expect(b.status.status).toBe("offline");
    b.provider.connect();
    await Promise.all([statusReached(a, "saved"), statusReached(b, "saved")]);
    await eventually(() => blockTexts(a.doc).includes("offline edit") && blockTexts(b.doc).includes("online edit"));
    expect(await storedTexts(id)).toEqual(expect.arrayContaining(["online edit", "offline edit"]));
  });

  it("never duplicates the template when several clients open a new briefing at once", async () => {
    const id = await newBriefing("policy-brief");
    const many = Array.from({ length: 6 }, (_, i) => client(id, ["alice", "bob", "carol"][i % 3]!));
    await Promise.all(many.map(synced));
    for (const c of many) expect(blockTexts(c.doc).slice(0, 1)).toEqual(["Summary"]);
    // The template's five headings carry text; its guidance paragraphs are empty (placeholders).
    // A duplicated template would show ten.
    for (const c of many) expect(blockTexts(c.doc)).toHaveLength(5);
    expect(await storedTexts(id)).toHaveLength(5);
  });

  it("closes only the offender on oversized and malformed frames", async () => {
    const id = await newBriefing();
    const [a, b] = [client(id, "alice"), client(id, "bob")];
    await Promise.all([synced(a), synced(b)]);
    const cases: [Uint8Array | string, number, RegExp][] = [
      [new Uint8Array(1024 * 1024 + 1), 1009, /too big/i],
      [new Uint8Array([0, 2, 50, 1, 2]), 1007, /malformed/i], // length prefix beyond the end
      [new Uint8Array([0, 2, 3, 255, 255, 255]), 1007, /invalid document update/i], // not a Yjs update
      [new Uint8Array([0, 9, 0]), 1007, /malformed/i], // unknown sync message
      [new Uint8Array([42]), 1003, /unsupported/i], // unknown message type
      [halfBadAwareness(), 1007, /invalid awareness update/i], // refused whole, not half applied
      ["hello", 1003, /text/i],
    ];
    for (const [frame, code, reason] of cases) {
      const closed = await rawClose(`${server.url}/${id}?token=carol`, frame);
      expect(closed.code, String(reason)).toBe(code);
      expect(closed.reason).toMatch(reason);
    }
    appendParagraph(a.doc, "still working");
    await eventually(() => blockTexts(b.doc).includes("still working"), 5_000, "edit after bad frames");
    expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true);
    expect(server.collab.rooms.peek(id)!.awareness.getStates().has(GHOST_CLIENT)).toBe(false);
  });

  it("removes the presence of a client that reconnected and then dropped without a goodbye", async () => {
    const id = await newBriefing();
    const [a, b] = [client(id, "alice"), client(id, "bob")];
    await Promise.all([synced(a), synced(b)]);
    // (The server stamps the name; the colour is the client's.)
    const seenByB = () => b.provider.awareness.getStates().get(a.doc.clientID)?.user?.color as string | undefined;
    const drop = () => {
      a.provider.shouldConnect = false;
      (a.provider.ws as unknown as WebSocket).terminate(); // a network failure: no awareness goodbye
    };
    a.provider.awareness.setLocalStateField("user", { color: "A" });
    await eventually(() => seenByB() === "A", 5_000, "presence");
    drop();
    await eventually(() => seenByB() === undefined, 5_000, "presence gone after the first drop");
    a.provider.connect(); // the same document, so the same awareness client id, comes back
    await synced(a);
    a.provider.awareness.setLocalStateField("user", { color: "A again" });
    await eventually(() => seenByB() === "A again", 5_000, "presence back");
    drop();
    await eventually(() => seenByB() === undefined, 5_000, "presence gone after the second drop");
  });

  it("refuses upgrades without access before any websocket exists", async () => {
    const id = await newBriefing();
    expect(await rawStatus(`${server.url}/${id}`)).toBe(401);
    expect(await rawStatus(`${server.url}/${id}?token=nope`)).toBe(401);
    expect(await rawStatus(`${server.url}/missing-briefing?token=alice`)).toBe(404);
    await t.db.briefing.update({ where: { id }, data: { deletedAt: new Date() } });
    expect(await rawStatus(`${server.url}/${id}?token=alice`)).toBe(404);
  });
});

const GHOST_CLIENT = 424242;

/** An awareness message whose first entry is valid and whose second is not JSON. */
function halfBadAwareness(): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, 2);
  for (const [client, json] of [
    [GHOST_CLIENT, '{"user":{"name":"Ghost"}}'],
    [GHOST_CLIENT + 1, "{not json"],
  ] as const) {
    encoding.writeVarUint(update, client);
    encoding.writeVarUint(update, 1);
    encoding.writeVarString(update, json);
  }
  const message = encoding.createEncoder();
  encoding.writeVarUint(message, 1);
  encoding.writeVarUint8Array(message, encoding.toUint8Array(update));
  return encoding.toUint8Array(message);
}

/** Opens a raw websocket, sends one frame and resolves with how the server closed it. */
function rawClose(url: string, frame: Uint8Array | string): Promise<{ code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.on("open", () => ws.send(frame));
    ws.on("close", (code, reason) => resolve({ code, reason: reason.toString() }));
    ws.on("error", () => {});
    setTimeout(() => reject(new Error("server did not close the connection")), 5_000).unref();
  });
}

/** The HTTP status of a refused upgrade (101 if it was accepted). */
function rawStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    ws.on("unexpected-response", (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on("open", () => {
      resolve(101);
      ws.close();
    });
    ws.on("error", () => {});
  });
}
