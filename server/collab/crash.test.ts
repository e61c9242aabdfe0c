import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBriefing } from "@/lib/briefings/create";
import { connectClient, sleep, statusReached, synced, TEST_TOKENS, type TestClient, typist } from "@/lib/test/collab";
import { type CollabProcess, spawnCollabProcess } from "@/lib/test/collab-process";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { buildUser } from "@/lib/test/fixtures";
import { blockTexts } from "@/lib/test/ydoc";

describe.each(PROVIDERS)("kill -9 during edits on %s", (provider) => {
  let t: TestDatabase;
  let server: CollabProcess | undefined;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    t = await createTestDatabase(provider);
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server?.stop("SIGKILL");
    await t?.drop();
  });

  it("keeps every change that had been reported saved", async () => {
    const ownerId = (await t.db.user.create({ data: buildUser() })).id;
    const { id } = await createBriefing(t.db, { title: "Crash", ownerId, template: "policy-brief" });
    // A long batch window: if "saved" were reported before the write committed, the kill would lose it.
    const tuning = { batchMs: 40, compactEvery: 5 };
    server = await spawnCollabProcess({ databaseUrl: t.url, tokens: TEST_TOKENS, tuning });
    const a = connectClient(server.url, id, "alice");
    const b = connectClient(server.url, id, "bob");
    clients.push(a, b);
    await Promise.all([synced(a), synced(b)]);
    const typists = [typist(a, "a"), typist(b, "b")];

    const bothSaved = () => Promise.all([statusReached(a, "saved"), statusReached(b, "saved")]);
    const typeRounds = async (rounds: number) => {
      for (let round = 0; round < rounds; round++) {
        for (const x of typists) x.type(3);
        await Promise.race([bothSaved(), sleep(30)]);
      }
    };
    await typeRounds(8);
    await bothSaved(); // 48 paragraphs certainly reported saved...
    await typeRounds(4); // ...then more, some of them saved...
    for (const x of typists) x.type(3); // ...and some in flight when the server dies
    await sleep(Math.random() * 40);
    await server.stop("SIGKILL");
    for (const client of clients.splice(0)) client.destroy();

    const savedBeforeKill = typists.flatMap((x) => x.saved());
    expect(savedBeforeKill.length).toBeGreaterThanOrEqual(48);

    server = await spawnCollabProcess({ databaseUrl: t.url, tokens: TEST_TOKENS, tuning });
    const reader = connectClient(server.url, id, "carol");
    clients.push(reader);
    await synced(reader);
    const texts = blockTexts(reader.doc);
    expect(texts.slice(0, 1)).toEqual(["Summary"]);
    expect(texts).toEqual(expect.arrayContaining(savedBeforeKill));
    // Order within each typist's paragraphs is kept, and nothing appears twice.
    for (const x of typists) {
      const own = texts.filter((text) => x.made.includes(text));
      expect(own).toEqual(x.made.slice(0, own.length));
    }
  });
});
