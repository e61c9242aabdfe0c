// Document updates that used to lose work or stall the server (issue 12, cases 1, 3 and 7): large
// pastes, over-limit changes, byte floods, content forged under another client's Yjs client id,
// and updates whose dependencies never arrive. Real server, real y-websocket clients.
import * as encoding from "lib0/encoding";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import * as Y from "yjs";
import { createBriefing } from "@/lib/briefings/create";
import { applyStoredState } from "@/lib/briefings/doc/update-log";
import { splitMessage } from "@/lib/collab/chunked-socket";
import { describeClose } from "@/lib/collab/close-reasons";
import { CLOSE, MESSAGE_SYNC } from "@/lib/collab/protocol";
import {
  connectClient,
  eventually,
  sleep,
  startTestCollabServer,
  synced,
  type TestClient,
  type TestCollabServer,
} from "@/lib/test/collab";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { buildUser } from "@/lib/test/fixtures";
import { appendParagraph, blockTexts } from "@/lib/test/ydoc";

const KiB = 1024;
const MiB = 1024 * KiB;

describe.each(PROVIDERS)("document updates on %s", (provider) => {
  let t: TestDatabase;
  let server: TestCollabServer;
  /** Small limits, so the over-limit cases stay cheap. */
  let strict: TestCollabServer;
  let ownerId: string;
  let clients: TestClient[] = [];

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    ownerId = (await t.db.user.create({ data: buildUser() })).id;
    server = await startTestCollabServer(t, { idleUnloadMs: 60_000 });
    strict = await startTestCollabServer(t, {
      idleUnloadMs: 60_000,
      maxChangeBytes: MiB,
      byteBudget: { burstBytes: 3 * MiB, bytesPerMinute: 3 * MiB },
    });
  });
  afterEach(() => {
    for (const client of clients) client.destroy();
    clients = [];
  });
  afterAll(async () => {
    await server?.close();
    await strict?.close();
    await t?.drop();
  });

  const newBriefing = async () => (await createBriefing(t.db, { title: "Updates", ownerId, template: "blank" })).id;

  function client(on: TestCollabServer, briefingId: string, token: string): TestClient {
    const c = connectClient(on.url, briefingId, token);
    clients.push(c);
    return c;
  }

  /** Counts the connection attempts of a client and records how the server last closed it. */
  function watch(c: TestClient) {
    const seen = { attempts: 0, closed: null as { code: number; reason: string } | null };
    c.provider.on("status", ({ status }) => {
      if (status === "connecting") seen.attempts++;
    });
    c.provider.on("closed", (event) => {
      seen.closed = event;
    });
    return seen;
  }

  async function storedTexts(on: TestCollabServer, briefingId: string): Promise<string[]> {
    const doc = new Y.Doc();
    applyStoredState(doc, (await on.log.load(briefingId))!);
    return blockTexts(doc);
  }

  it("stores a 2 MB paste, reports it saved and keeps the connection", async () => {
    const id = await newBriefing();
    const [a, b] = [client(server, id, "alice"), client(server, id, "bob")];
    await Promise.all([synced(a), synced(b)]);
    const closes: unknown[] = [];
    a.provider.on("connection-close", (event) => closes.push(event));
    const paste = pasteOf(2 * 1000 * 1000);
    appendParagraph(a.doc, paste);
    appendParagraph(a.doc, "typed after the paste");
    await eventually(() => a.status.status === "saved", 30_000, "the paste saved");
    expect(closes).toEqual([]);
    await eventually(
      () => blockTexts(b.doc).includes("typed after the paste"),
      10_000,
      "the paste at the other editor",
    );
    expect(blockTexts(b.doc)).toContain(paste);
    const stored = await storedTexts(server, id);
    expect(stored).toContain(paste);
    expect(stored).toContain("typed after the paste");
  }, 60_000);

  it("tells an editor plainly that a change is too large and does not reconnect", async () => {
    const id = await newBriefing();
    const [a, b] = [client(strict, id, "alice"), client(strict, id, "bob")];
    await Promise.all([synced(a), synced(b)]);
    const seen = watch(a);
    appendParagraph(a.doc, pasteOf(2 * 1000 * 1000));
    await eventually(() => seen.closed !== null, 10_000, "the close");
    expect(seen.closed!.code).toBe(CLOSE.changeTooLarge);
    expect(describeClose(seen.closed!.code, seen.closed!.reason)).toMatch(
      /^This change is too large to save \(2\.\d MB, limit 1\.0 MB\)\. Copy it elsewhere/,
    );
    const attempts = seen.attempts;
    await sleep(1_000); // several reconnect delays of the client (at most 200 ms each)
    expect(seen.attempts).toBe(attempts);
    expect(a.provider.wsconnected || a.provider.wsconnecting).toBe(false);
    expect(a.status.status).toBe("offline");
    // Nobody else is affected.
    appendParagraph(b.doc, "still saving");
    await eventually(() => b.status.status === "saved", 10_000, "the other editor saved");
    expect(await storedTexts(strict, id)).toContain("still saving");
  }, 30_000);

  it("keeps read-only connections at the small frame cap", async () => {
    const id = await newBriefing();
    const doc = new Y.Doc();
    appendParagraph(doc, pasteOf(2 * 1000 * 1000));
    const chunks = splitMessage(syncUpdate(Y.encodeStateAsUpdate(doc), 2));
    const viewer = await rawSend(`${server.url}/${id}?token=viewer`, chunks);
    expect(viewer.code).toBe(CLOSE.changeTooLarge);
    expect(viewer.reason).toMatch(/limit 1\.0 MB/);
  });

  it("closes a connection that exceeds its byte budget and says why", async () => {
    const id = await newBriefing();
    const a = client(strict, id, "alice");
    await synced(a);
    const seen = watch(a);
    for (let i = 0; i < 5; i++) appendParagraph(a.doc, pasteOf(900 * 1000)); // 4.5 MB within a second
    await eventually(() => seen.closed !== null, 10_000, "the close");
    expect(seen.closed!.code).toBe(CLOSE.tooMuchData);
    expect(describeClose(seen.closed!.code, seen.closed!.reason)).toMatch(
      /^Changes arrived faster than the server accepts \(limit 3\.1 MB a minute\)/,
    );
    expect(a.provider.shouldConnect).toBe(false);
  }, 30_000);

  it("refuses content forged under another connection's client id; the victim keeps saving", async () => {
    const id = await newBriefing();
    const [victim, other, attacker] = [
      client(server, id, "alice"),
      client(server, id, "bob"),
      client(server, id, "carol"),
    ];
    await Promise.all([victim, other, attacker].map(synced));
    appendParagraph(victim.doc, "victim 1");
    await eventually(() => victim.status.status === "saved" && blockTexts(attacker.doc).includes("victim 1"));
    const seen = watch(attacker);
    // Deleting others' content is a normal edit.
    const fragment = attacker.doc.getXmlFragment("default");
    fragment.delete(
      fragment.toArray().findIndex((node) => node.toString().includes("victim 1")),
      1,
    );
    await eventually(() => !blockTexts(victim.doc).includes("victim 1"), 5_000, "the deletion at the victim");
    // The attacker's copy of the document writing under the victim's id takes the victim's next clock.
    const forger = new Y.Doc();
    Y.applyUpdate(forger, Y.encodeStateAsUpdate(attacker.doc));
    forger.clientID = victim.doc.clientID;
    const before = Y.encodeStateVector(forger);
    appendParagraph(forger, "forged");
    attacker.provider.ws!.send(syncUpdate(Y.encodeStateAsUpdate(forger, before), 2));
    await eventually(() => seen.closed !== null, 5_000, "the attacker closed");
    expect(seen.closed!.code).toBe(CLOSE.clientIdInUse);
    appendParagraph(victim.doc, "victim 2");
    await eventually(() => victim.status.status === "saved", 5_000, "the victim saved");
    await eventually(() => blockTexts(other.doc).includes("victim 2"), 5_000, "the victim's edit at the other");
    expect(blockTexts(other.doc)).toEqual(blockTexts(victim.doc));
    expect(blockTexts(victim.doc)).not.toContain("forged");
    const stored = await storedTexts(server, id);
    expect(stored).toContain("victim 2");
    expect(stored).not.toContain("forged");
  });

  it("closes a sender of 1,000 updates whose dependencies never come; the room keeps no pending structs", async () => {
    const id = await newBriefing();
    const editor = client(server, id, "alice");
    await synced(editor);
    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on("update", (update: Uint8Array) => updates.push(update));
    for (let i = 0; i <= 1_000; i++) appendParagraph(source, `orphan ${i}`);
    // Without the first update, none of the others can be integrated.
    const frames = updates.slice(1).map((update) => syncUpdate(update, 2));
    const closed = await rawSend(`${server.url}/${id}?token=carol`, frames);
    expect(closed.code).toBe(CLOSE.missingDependencies);
    const room = server.collab.rooms.peek(id)!;
    expect(room.doc.store.pendingStructs).toBeNull();
    expect(room.doc.store.pendingDs).toBeNull();
    expect(Y.getState(room.doc.store, source.clientID)).toBe(0);
    appendParagraph(editor.doc, "unaffected");
    await eventually(() => editor.status.status === "saved", 5_000, "the editor saved");
    expect(editor.provider.wsconnected).toBe(true);
    expect(await storedTexts(server, id)).toContain("unaffected");
  });

  it("keeps a live edit that arrives before the sync step 2 it depends on", async () => {
    const id = await newBriefing();
    const editor = client(server, id, "alice");
    await synced(editor);
    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on("update", (update: Uint8Array) => updates.push(update));
    appendParagraph(source, "made offline");
    appendParagraph(source, "typed while reconnecting");
    const [offline, live] = updates as [Uint8Array, Uint8Array];
    const ws = new WebSocket(`${server.url}/${id}?token=carol`);
    await new Promise((resolve) => ws.once("open", resolve));
    ws.send(syncUpdate(live, 2));
    ws.send(syncUpdate(offline, 1));
    await eventually(() => blockTexts(editor.doc).includes("typed while reconnecting"), 5_000, "both at the editor");
    expect(blockTexts(editor.doc)).toContain("made offline");
    expect(ws.readyState).toBe(WebSocket.OPEN);
    ws.close();
    expect(server.collab.rooms.peek(id)!.doc.store.pendingStructs).toBeNull();
  });
});

/** Text that does not compress to nothing (as a pasted report would not). */
function pasteOf(bytes: number): string {
  const words = ["alliance", "treaty", "article", "consensus", "deterrence", "interoperability", "exercise"];
  let text = "";
  for (let i = 0; text.length < bytes; i++) text += `${words[(i * 7919) % words.length]} ${i} `;
  return text.slice(0, bytes);
}

/** A y-websocket sync message: type 1 = sync step 2, type 2 = update. */
function syncUpdate(update: Uint8Array, type: 1 | 2): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, type);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** Opens a raw websocket, sends the frames back to back and resolves with how the server closed it. */
function rawSend(url: string, frames: Uint8Array[]): Promise<{ code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.on("open", () => {
      for (const frame of frames) ws.send(frame);
      setTimeout(() => reject(new Error("the server did not close the connection")), 10_000).unref();
    });
    ws.on("close", (code, reason) => resolve({ code, reason: reason.toString() }));
    ws.on("error", () => {});
  });
}
