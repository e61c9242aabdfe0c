// Team membership changed through better-auth's own HTTP endpoints (not the app's team actions)
// must close the affected members' open collaboration connections: real sessions, real HTTP
// requests into better-auth's handler, the real collaboration server and y-websocket clients.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { type AccessChange, onAccessChange } from "@/lib/auth/access-events";
import { createBriefing } from "@/lib/briefings/create";
import { CLOSE } from "@/lib/collab/protocol";
import { SaveStatusTracker } from "@/lib/collab/save-status";
import { signUp, type TestUser } from "@/lib/test/auth";
import {
  eventually,
  startTestCollabServer,
  statusReached,
  synced,
  type TestClient,
  type TestCollabServer,
} from "@/lib/test/collab";
import { createTestDatabase, type TestDatabase } from "@/lib/test/databases";
import { appendParagraph, blockTexts } from "@/lib/test/ydoc";
import { type Auth, appUrl, createAuth } from "./auth";
import { authorizeCollab } from "./collab";

/** A stock y-websocket client that sends a browser's session cookie with its upgrade. */
function connectWithCookie(url: string, briefingId: string, user: TestUser): TestClient {
  const cookie = user.headers.get("cookie") ?? "";
  class CookieSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers: { cookie } });
    }
  }
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(url, briefingId, doc, {
    WebSocketPolyfill: CookieSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
  });
  const status = new SaveStatusTracker(provider);
  return {
    doc,
    provider,
    status,
    destroy: () => {
      status.destroy();
      provider.destroy();
      doc.destroy();
    },
  };
}

/** The close code of the client's next server-side close; rejects if none comes in time. */
function nextClose(client: TestClient, timeoutMs = 5_000): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the connection was not closed")), timeoutMs);
    const onClose = (event: CloseEvent | null) => {
      if (!event) return;
      clearTimeout(timer);
      client.provider.off("connection-close", onClose);
      resolve(event.code);
    };
    client.provider.on("connection-close", onClose);
  });
}

/** Calls a better-auth endpoint over its HTTP handler, as the browser's client library would. */
async function post(auth: Auth, user: TestUser, path: string, body: unknown): Promise<void> {
  const response = await auth.handler(
    new Request(`${appUrl()}/api/auth${path}`, {
      method: "POST",
      headers: { cookie: user.headers.get("cookie") ?? "", origin: appUrl(), "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
  );
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
}

describe("team membership changes through better-auth's endpoints close lost collaboration access", () => {
  let t: TestDatabase;
  let auth: Auth;
  let server: TestCollabServer;
  const clients: TestClient[] = [];
  let counter = 0;

  beforeAll(async () => {
    t = await createTestDatabase("sqlite");
    auth = createAuth(t.db);
    server = await startTestCollabServer(t, { authorize: (req, id) => authorizeCollab(t.db, req, id) });
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.destroy();
  });
  afterAll(async () => {
    await server?.close();
    await t?.drop();
  });

  /** An owner, a team member who edits a briefing through a team grant, and their open editor. */
  async function teamEditing() {
    counter++;
    const owner = await signUp(auth, `Owner ${counter}`);
    const member = await signUp(auth, `Member ${counter}`);
    const team = await auth.api.createOrganization({
      body: { name: `Team ${counter}`, slug: `team-${counter}` },
      headers: owner.headers,
    });
    if (!team) throw new Error("no team");
    await auth.api.addMember({ body: { userId: member.id, role: "member", organizationId: team.id } });
    const { id } = await createBriefing(t.db, { title: "Team briefing", ownerId: owner.id, template: "blank" });
    await t.db.briefingGrant.create({ data: { briefingId: id, teamId: team.id, role: "editor" } });
    const editor = connectWithCookie(server.url, id, member);
    clients.push(editor);
    await synced(editor);
    appendParagraph(editor.doc, "before");
    await statusReached(editor, "saved"); // the team grant gives write access
    const memberRow = await t.db.member.findFirstOrThrow({ where: { organizationId: team.id, userId: member.id } });
    return { id, owner, member, teamId: team.id, memberId: memberRow.id, editor };
  }

  /** After the close, the member's client tries again and writes: nothing of it is stored. */
  async function expectLockedOut(id: string, owner: TestUser, editor: TestClient) {
    appendParagraph(editor.doc, "after removal");
    const refused = nextClose(editor);
    editor.provider.connect(); // what a modified client would do: the upgrade is refused now
    expect(await refused).not.toBe(CLOSE.accessRevoked);
    expect(editor.provider.synced).toBe(false);
    const reader = connectWithCookie(server.url, id, owner);
    clients.push(reader);
    await synced(reader);
    expect(blockTexts(reader.doc)).toContain("before");
    expect(blockTexts(reader.doc)).not.toContain("after removal");
  }

  it("remove-member closes the removed member's connection with 4403", async () => {
    const { id, owner, teamId, memberId, editor } = await teamEditing();
    const closed = nextClose(editor);
    await post(auth, owner, "/organization/remove-member", { memberIdOrEmail: memberId, organizationId: teamId });
    expect(await closed).toBe(CLOSE.accessRevoked);
    await expectLockedOut(id, owner, editor);
  });

  it("leave closes the leaving member's connection with 4403", async () => {
    const { id, owner, member, teamId, editor } = await teamEditing();
    const closed = nextClose(editor);
    await post(auth, member, "/organization/leave", { organizationId: teamId });
    expect(await closed).toBe(CLOSE.accessRevoked);
    await expectLockedOut(id, owner, editor);
  });

  it("deleting the team closes its members' connections with 4403", async () => {
    const { id, owner, teamId, editor } = await teamEditing();
    const closed = nextClose(editor);
    await post(auth, owner, "/organization/delete", { organizationId: teamId });
    expect(await closed).toBe(CLOSE.accessRevoked);
    await expectLockedOut(id, owner, editor);
  });

  it("changing a member's team role announces it and keeps the connection (the grant decides the role)", async () => {
    const { id, teamId, member, memberId, owner, editor } = await teamEditing();
    const changes: AccessChange[] = [];
    const stop = onAccessChange((change) => changes.push(change));
    await post(auth, owner, "/organization/update-member-role", { memberId, role: "admin", organizationId: teamId });
    stop();
    expect(changes).toEqual([{ userId: member.id }]);
    appendParagraph(editor.doc, "still editing");
    const reader = connectWithCookie(server.url, id, owner);
    clients.push(reader);
    await eventually(() => blockTexts(reader.doc).includes("still editing"), 5_000, "the member's edit");
    expect(editor.provider.wsconnected).toBe(true);
  });
});
