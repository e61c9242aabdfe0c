import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { announceAccessChange } from "@/lib/auth/access-events";
import { createBriefing } from "@/lib/briefings/create";
import { CLOSE } from "@/lib/collab/protocol";
import { keepAuthenticated } from "@/lib/collab/reauth";
import {
  connectClient,
  eventually,
  sleep,
  startTestCollabServer,
  statusReached,
  synced,
  type TestClient,
  type TestCollabServer,
  typist,
} from "@/lib/test/collab";
import { createTestDatabase, type TestDatabase } from "@/lib/test/databases";
import { buildUser } from "@/lib/test/fixtures";
import { startTestRedis, type TestRedis } from "@/lib/test/redis";
import { blockTexts } from "@/lib/test/ydoc";
import { RedisFanout } from "./redis-fanout";
import { createTokenAuthorizer, type TokenGrant } from "./token-authorizer";

/** Resolves with the code the server closed the client's connection with. */
function closedWith(client: TestClient): Promise<number> {
  return new Promise((resolve) => {
    const onClose = (event: CloseEvent | null) => {
      if (!event) return;
      client.provider.off("connection-close", onClose);
      resolve(event.code);
    };
    client.provider.on("connection-close", onClose);
  });
}

describe("access changes on open connections (PostgreSQL, two instances linked by Redis)", () => {
  let t: TestDatabase;
  let redis: TestRedis;
  let tokens: Record<string, TokenGrant>;
  const servers: TestCollabServer[] = [];
  const fanouts: RedisFanout[] = [];
  const clients: TestClient[] = [];

  beforeAll(async () => {
    t = await createTestDatabase("postgresql");
    redis = await startTestRedis();
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await Promise.all(servers.splice(0).map((s) => s.close()));
    await Promise.all(fanouts.splice(0).map((f) => f.close()));
  });
  afterAll(async () => {
    await redis?.kill();
    await t?.drop();
  });

  async function setup() {
    tokens = {
      alice: { userId: "alice", name: "Alice", readOnly: false },
      bob: { userId: "bob", name: "Bob", readOnly: false },
    };
    const ownerId = (await t.db.user.create({ data: buildUser() })).id;
    const { id } = await createBriefing(t.db, { title: "Access", ownerId, template: "blank" });
    const started = [];
    for (let i = 0; i < 2; i++) {
      const fanout = await RedisFanout.connect({ url: redis.url, onError: () => {} });
      fanouts.push(fanout);
      const server = await startTestCollabServer(t, { authorize: createTokenAuthorizer(tokens), fanout });
      servers.push(server);
      started.push({ server, fanout });
    }
    return { id, a: started[0]!, b: started[1]! };
  }

  function connect(server: TestCollabServer, id: string, token: string): TestClient {
    const client = connectClient(server.url, id, token);
    clients.push(client);
    return client;
  }

  it("closes a revoked user's connections on every instance (4403, no reconnect) and keeps the others", async () => {
    const { id, a, b } = await setup();
    const aliceOnA = connect(a.server, id, "alice");
    const bobOnA = connect(a.server, id, "bob");
    const bobOnB = connect(b.server, id, "bob");
    await Promise.all([aliceOnA, bobOnA, bobOnB].map(synced));

    tokens.bob = { ...tokens.bob!, briefingIds: [] }; // still signed in, no longer allowed here
    const closes = [closedWith(bobOnA), closedWith(bobOnB)];
    const started = Date.now();
    // As an action on instance A does: handled there, relayed to B through Redis.
    announceAccessChange({ userId: "bob" });
    expect(await Promise.all(closes)).toEqual([CLOSE.accessRevoked, CLOSE.accessRevoked]);
    console.log(`[access] revocation closed connections on both instances in ${Date.now() - started} ms`);

    await sleep(500); // y-websocket would have reconnected by now if the close were not terminal
    expect(bobOnA.provider.wsconnected || bobOnB.provider.wsconnected).toBe(false);
    expect(aliceOnA.provider.wsconnected).toBe(true);
    typist(aliceOnA, "alice").type(1);
    await statusReached(aliceOnA, "saved");
  });

  it("relays access changes announced by another instance through Redis", async () => {
    const { id, a, b } = await setup();
    const bobOnB = connect(b.server, id, "bob");
    await synced(bobOnB);
    tokens.bob = { ...tokens.bob!, briefingIds: [] };
    const closed = closedWith(bobOnB);
    a.fanout.publishAccessChange({ briefingId: id }); // only Redis carries this to B
    expect(await closed).toBe(CLOSE.accessRevoked);
  });

  it("reconnects a user whose role changed with the new role", async () => {
    const { id, a } = await setup();
    const bob = connect(a.server, id, "bob");
    await synced(bob);
    tokens.bob = { ...tokens.bob!, readOnly: true };
    const closed = closedWith(bob);
    announceAccessChange({ briefingId: id });
    expect(await closed).toBe(CLOSE.accessChanged);
    await statusReached(bob, "read-only");
  });

  it("re-authenticates an expiring session once per expiry, without a reconnect storm or lost edits", async () => {
    const { id, a } = await setup();
    let issued = 0;
    const issue = () => {
      issued++;
      const token = `alice-${issued}`;
      tokens[token] = { userId: "alice", name: "Alice", readOnly: false, expiresAt: Date.now() + 1_200 };
      return token;
    };
    const client = connect(a.server, id, issue());
    const auth = keepAuthenticated(client.provider, { renew: async () => ({ token: issue() }) });
    let connects = 0;
    client.provider.on("status", ({ status }) => {
      if (status === "connected") connects++;
    });
    await synced(client);
    const writer = typist(client, "line");
    const until = Date.now() + 4_000; // three or four expiries while typing
    while (Date.now() < until) {
      writer.type(1);
      await sleep(50);
    }
    await eventually(() => client.status.status === "saved", 10_000, "saved after the last renewal");
    auth.destroy();

    expect(issued).toBeGreaterThanOrEqual(3);
    // One connection per token: the first, then exactly one reconnect per renewal.
    expect(connects).toBe(issued);
    const reader = connect(a.server, id, "bob");
    await synced(reader);
    expect(blockTexts(reader.doc)).toEqual(expect.arrayContaining(writer.made));
  });
});
