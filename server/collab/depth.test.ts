import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createBriefing } from "@/lib/briefings/create";
import { applyStoredState } from "@/lib/briefings/doc/update-log";
import { CLOSE } from "@/lib/collab/protocol";
import { MAX_DOCUMENT_DEPTH, treeDepth } from "@/lib/editor/depth";
import { BRIEFING_FRAGMENT } from "@/lib/editor/fragment";
import {
  connectClient,
  startTestCollabServer,
  statusReached,
  synced,
  type TestClient,
  type TestCollabServer,
} from "@/lib/test/collab";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { nestDeep } from "@/lib/test/deep-doc";
import { buildUser } from "@/lib/test/fixtures";
import { appendParagraph, blockTexts } from "@/lib/test/ydoc";

/** Resolves with the code of the next close the server sends this client. */
function nextClose(client: TestClient): Promise<number> {
  return new Promise((resolve) => {
    client.provider.once("connection-close", (event: CloseEvent | null) => resolve(event?.code ?? 0));
  });
}

describe.each(PROVIDERS)("document depth limit on %s", (provider) => {
  let t: TestDatabase;
  let server: TestCollabServer;
  let clients: TestClient[] = [];

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    server = await startTestCollabServer(t, { idleUnloadMs: 60_000 });
  });
  afterEach(() => {
    for (const client of clients) client.destroy();
    clients = [];
  });
  afterAll(async () => {
    await server?.close();
    await t?.drop();
  });

  function client(briefingId: string, token: string): TestClient {
    const c = connectClient(server.url, briefingId, token);
    clients.push(c);
    return c;
  }

  it("refuses a 20,000-level update: the sender is closed, the document is unchanged, others keep editing", async () => {
    const ownerId = (await t.db.user.create({ data: buildUser() })).id;
    const { id } = await createBriefing(t.db, { title: "Deep", ownerId, template: "blank" });
    const [attacker, editor] = [client(id, "alice"), client(id, "bob")];
    await Promise.all([synced(attacker), synced(editor)]);

    // Deep but legitimate nesting (30 list levels) goes through.
    nestDeep(attacker.doc, 30, "thirty levels");
    await statusReached(attacker, "saved");
    await statusReached(editor, "saved");
    expect(blockTexts(editor.doc)).toContain("thirty levels");

    const closed = nextClose(attacker);
    nestDeep(attacker.doc, 20_000, "too deep");
    expect(await closed).toBe(CLOSE.documentTooDeep);

    appendParagraph(editor.doc, "still editing");
    await statusReached(editor, "saved");
    const reader = client(id, "carol");
    await synced(reader);
    expect(blockTexts(reader.doc)).toEqual(["thirty levels", "still editing"]);
    expect(treeDepth(reader.doc.getXmlFragment(BRIEFING_FRAGMENT))).toBeLessThanOrEqual(MAX_DOCUMENT_DEPTH);
    const stored = new Y.Doc();
    applyStoredState(stored, (await server.log.load(id))!);
    expect(blockTexts(stored)).toEqual(["thirty levels", "still editing"]);
    expect(blockTexts(editor.doc)).not.toContain("too deep");
  });
});
