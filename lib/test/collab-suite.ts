import { afterAll, afterEach, beforeAll } from "vitest";
import { type CreateBriefingInput, createBriefing } from "@/lib/briefings/create";
import type { DbProvider } from "@/lib/db/url";
import { connectClient, startTestCollabServer, synced, type TestClient, type TestCollabServer } from "./collab";
import { createTestDatabase, type TestDatabase } from "./databases";
import { buildUser } from "./fixtures";

export type CollabSuite = {
  /** The suite's own test database (set in beforeAll). */
  t: TestDatabase;
  /** A real collaboration server over it. */
  server: TestCollabServer;
  /** A user to own the suite's briefings. */
  ownerId: string;
  /** A y-websocket client of `briefingId` with the TEST_TOKENS `token`, closed after the test. */
  connect: (briefingId: string, token: string) => TestClient;
  /** The same, once synced with the server. */
  open: (briefingId: string, token: string) => Promise<TestClient>;
  /** A new briefing of the owner holding `content` (ProseMirror JSON); its id. */
  briefing: (title: string, content: CreateBriefingInput["content"]) => Promise<string>;
};

/**
 * The set-up of a suite that talks to a real collaboration server: a test database of `provider`
 * with one user, a server over it (rooms stay loaded for a minute), and every client the test
 * opened closed after it. Call inside describe(); read the fields inside the tests.
 */
export function collabSuite(provider: DbProvider): CollabSuite {
  let clients: TestClient[] = [];
  const suite = {
    connect: (briefingId: string, token: string) => {
      const client = connectClient(suite.server.url, briefingId, token);
      clients.push(client);
      return client;
    },
    open: async (briefingId: string, token: string) => {
      const client = suite.connect(briefingId, token);
      await synced(client);
      return client;
    },
    briefing: async (title: string, content: CreateBriefingInput["content"]) =>
      (await createBriefing(suite.t.db, { title, ownerId: suite.ownerId, template: "blank", content })).id,
  } as CollabSuite;
  beforeAll(async () => {
    suite.t = await createTestDatabase(provider);
    suite.ownerId = (await suite.t.db.user.create({ data: buildUser() })).id;
    suite.server = await startTestCollabServer(suite.t, { idleUnloadMs: 60_000 });
  });
  afterEach(() => {
    for (const client of clients) client.destroy();
    clients = [];
  });
  afterAll(async () => {
    await suite.server?.close();
    await suite.t?.drop();
  });
  return suite;
}
