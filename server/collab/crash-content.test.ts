import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBriefing } from "@/lib/briefings/create";
import { connectClient, eventually, statusReached, synced, TEST_TOKENS, type TestClient } from "@/lib/test/collab";
import { type CollabProcess, spawnCollabProcess } from "@/lib/test/collab-process";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { buildUser } from "@/lib/test/fixtures";
import { appendParagraph } from "@/lib/test/ydoc";

describe.each(PROVIDERS)("derived content after kill -9 on %s", (provider) => {
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

  it("is rebuilt from the stored document by the next server, though nobody opens the briefing again", async () => {
    const ownerId = (await t.db.user.create({ data: buildUser() })).id;
    const { id } = await createBriefing(t.db, { title: "Crash", ownerId, template: "blank" });
    const before = await t.db.briefing.findUniqueOrThrow({ where: { id } });
    server = await spawnCollabProcess({ databaseUrl: t.url, tokens: TEST_TOKENS, tuning: { batchMs: 5 } });
    const writer = connectClient(server.url, id, "alice");
    clients.push(writer);
    await synced(writer);
    appendParagraph(writer.doc, "typed just before the crash");
    await statusReached(writer, "saved");
    // Saved means committed to the log; the derived content waits for a 2 s quiet period.
    await server.stop("SIGKILL");
    for (const client of clients.splice(0)) client.destroy();
    const atKill = await t.db.briefing.findUniqueOrThrow({ where: { id } });
    expect(atKill.contentText).not.toContain("typed just before the crash"); // the case under test

    server = await spawnCollabProcess({ databaseUrl: t.url, tokens: TEST_TOKENS, tuning: { batchMs: 5 } });
    await eventually(
      async () => {
        const row = await t.db.briefing.findUniqueOrThrow({ where: { id } });
        return row.contentText === "typed just before the crash";
      },
      15_000,
      "the derived text",
    );
    const after = await t.db.briefing.findUniqueOrThrow({ where: { id } });
    expect(JSON.stringify(after.contentJson)).toContain("typed just before the crash");
    expect(after.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
    expect(after.contentUpdatedAt!.getTime()).toBeGreaterThan(atKill.contentUpdatedAt!.getTime());
  });
});
