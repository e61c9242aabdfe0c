import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createBriefing } from "@/lib/briefings/create";
import { CLOSE } from "@/lib/collab/protocol";
import {
  connectClient,
  eventually,
  openRaw,
  startTestCollabServer,
  statusReached,
  synced,
  type TestClient,
  type TestCollabServer,
} from "@/lib/test/collab";
import { createTestDatabase, type TestDatabase } from "@/lib/test/databases";
import { buildUser } from "@/lib/test/fixtures";
import { appendParagraph } from "@/lib/test/ydoc";
import type { CollabHooks, CollabVisit, StoredEvent } from "./hooks";
import { metricsHooks } from "./metrics-hooks";

describe("collaboration server hooks", () => {
  let t: TestDatabase;
  let server: TestCollabServer;
  let ownerId: string;
  let clients: TestClient[] = [];
  const stored: StoredEvent[] = [];
  const events: string[] = [];
  const metrics = metricsHooks();
  // A plug-in of the kind webhooks or a per-tenant limit would be: it sees every stage and refuses Bob.
  const probe: CollabHooks = {
    authorize(visit) {
      events.push(`authorize ${visit.user?.userId}`);
      return visit.user?.userId === "bob"
        ? { code: CLOSE.tooManyConnections, reason: "Bob is over quota." }
        : undefined;
    },
    load: (visit, room) => events.push(`load ${visit.user?.userId} ${room.id === visit.briefingId}`),
    stored: (event) => stored.push(event),
    refused: (visit, refusal) => events.push(`refused ${visit.user?.userId ?? "?"} ${refusal.code}`),
    close: (visit: CollabVisit) => events.push(`close ${visit.user?.userId}`),
  };

  beforeAll(async () => {
    t = await createTestDatabase("sqlite");
    ownerId = (await t.db.user.create({ data: buildUser() })).id;
    server = await startTestCollabServer(t, { hooks: [metrics, probe] });
  });
  afterEach(() => {
    for (const client of clients) client.destroy();
    clients = [];
  });
  afterAll(async () => {
    await server?.close();
    await t?.drop();
  });

  const newBriefing = async () => (await createBriefing(t.db, { title: "Hooked", ownerId, template: "blank" })).id;

  it("tells the stored hook which briefing was stored and by whom", async () => {
    const id = await newBriefing();
    const alice = connectClient(server.url, id, "alice");
    clients.push(alice);
    await synced(alice);
    appendParagraph(alice.doc, "Stored and announced");
    await statusReached(alice, "saved");
    await eventually(() => stored.some((event) => event.briefingId === id), 5_000, "stored event");
    const event = stored.find((e) => e.briefingId === id);
    expect(event).toEqual({ briefingId: id, byUserId: "alice", userIds: ["alice"] });
    expect(events).toContain("authorize alice");
    expect(events).toContain("load alice true");
  });

  it("refuses with the close code a hook returns (as its HTTP status at the upgrade) and still closes the visit", async () => {
    const id = await newBriefing();
    await eventually(() => metrics.snapshot().open === 0, 5_000, "earlier connections closed");
    const before = metrics.snapshot();
    const refused = await openRaw(server, id, "bob");
    expect(refused).toEqual({ status: 429, body: "Bob is over quota.\n" });
    expect(events).toContain(`refused bob ${CLOSE.tooManyConnections}`);
    await eventually(() => events.includes("close bob"), 5_000, "close of the refused visit");
    expect(events).not.toContain("load bob true");

    const opened = await openRaw(server, id, "alice");
    if (!("ws" in opened)) throw new Error(`alice refused: ${opened.status}`);
    expect(metrics.snapshot()).toMatchObject({
      visits: before.visits + 2,
      refused: before.refused + 1,
      open: 1,
    });
    opened.ws.close();
    await eventually(() => metrics.snapshot().open === 0, 5_000, "open count back to 0");
  });

  it("refuses an unknown token (an AppError of the authorizer) before the hooks authorize anything, and tells them", async () => {
    const id = await newBriefing();
    const refused = await openRaw(server, id, "nobody");
    expect(refused).toMatchObject({ status: 401 });
    expect(events).toContain(`refused ? ${CLOSE.sessionExpired}`);
  });
});
