// The owner's "suggestions only" switch: only the owner may set it (through the real action), bad
// input changes nothing, and the collaboration grant of editors (not owners) follows it.
import type { IncomingMessage } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AccessChange, onAccessChange } from "@/lib/auth/access-events";
import { signUp, type TestUser, useTestDb } from "@/lib/test/auth";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { request } from "@/lib/test/next-request";

const { createAuth } = await import("@/lib/auth/auth");
const { authorizeCollab } = await import("@/lib/auth/collab");
const actions = await import("./actions");

function upgrade(user: TestUser): IncomingMessage {
  return { headers: { host: "briefings.example.org", cookie: user.headers.get("cookie") ?? "" } } as IncomingMessage;
}

describe.each(PROVIDERS)("suggestions only on %s", (provider) => {
  let t: TestDatabase;
  let owner: TestUser;
  let editor: TestUser;
  let briefingId: string;

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    useTestDb(t.db);
    const auth = createAuth(t.db);
    owner = await signUp(auth, "Owner");
    editor = await signUp(auth, "Editor");
    request.headers = owner.headers;
    const created = await actions.createBriefing({ title: "Review", template: "blank" });
    if (!created.ok) throw new Error(created.message);
    briefingId = created.data.id;
    const shared = await actions.shareBriefing({ briefingId, email: editor.email, role: "editor" });
    if (!shared.ok) throw new Error(shared.message);
  });
  afterAll(async () => {
    await t?.drop();
  });

  const stored = async () =>
    (await t.db.briefing.findUniqueOrThrow({ where: { id: briefingId }, select: { suggestionsOnly: true } }))
      .suggestionsOnly;

  it("the owner turns it on: editors' connections are held to it, the owner's are not, connections are re-checked", async () => {
    const changes: AccessChange[] = [];
    const stop = onAccessChange((change) => changes.push(change));
    request.headers = owner.headers;
    const result = await actions.setSuggestionsOnly({ briefingId, on: true });
    stop();
    expect(result.ok).toBe(true);
    expect(await stored()).toBe(true);
    expect(changes).toContainEqual({ briefingId });
    expect(await authorizeCollab(t.db, upgrade(editor), briefingId)).toMatchObject({
      readOnly: false,
      suggestOnly: true,
    });
    expect(await authorizeCollab(t.db, upgrade(owner), briefingId)).toMatchObject({
      readOnly: false,
      suggestOnly: false,
    });
  });

  it("an editor may not change it", async () => {
    request.headers = editor.headers;
    const result = await actions.setSuggestionsOnly({ briefingId, on: false });
    expect(result).toMatchObject({ ok: false, code: "forbidden" });
    expect(await stored()).toBe(true);
  });

  it("refuses bad input and changes nothing", async () => {
    request.headers = owner.headers;
    const result = await actions.setSuggestionsOnly({ briefingId, on: "no" as unknown as boolean });
    expect(result).toMatchObject({ ok: false, code: "unprocessable" });
    expect(await stored()).toBe(true);
  });

  it("turned off, editors edit freely again", async () => {
    request.headers = owner.headers;
    expect((await actions.setSuggestionsOnly({ briefingId, on: false })).ok).toBe(true);
    expect(await authorizeCollab(t.db, upgrade(editor), briefingId)).toMatchObject({ suggestOnly: false });
  });
});
