// GET /api/v1/notifications and POST /api/v1/notifications/read on both databases: the caller's
// own notifications only, cursor paging, bad input (400), no credentials (401), read tokens (403).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAuth } from "@/lib/auth/auth";
import { createBriefing } from "@/lib/briefings/create";
import { recordNotifications } from "@/lib/notifications/create";
import { bearer, callRoute } from "@/lib/test/api";
import { signUp, type TestUser, useTestDb } from "@/lib/test/auth";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";

describe.each(PROVIDERS)("/api/v1/notifications on %s", (provider) => {
  let t: TestDatabase;
  let list: typeof import("./route");
  let read: typeof import("./read/route");
  let alice: TestUser;
  let bob: TestUser;
  let write: Headers;
  let briefingId = "";

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    useTestDb(t.db);
    alice = await signUp(getAuth(t.db), "Alice");
    bob = await signUp(getAuth(t.db), "Bob");
    write = (await bearer(t.db, alice.id, "write")).headers;
    ({ id: briefingId } = await createBriefing(t.db, { title: "Brief", ownerId: bob.id, template: "blank" }));
    for (let i = 0; i < 3; i++) {
      await recordNotifications(t.db, [
        { userId: alice.id, kind: "mentioned", briefingId, actorId: bob.id, threadId: "t1", commentId: `c${i}` },
      ]);
    }
    await recordNotifications(t.db, [{ userId: bob.id, kind: "access_requested", briefingId, actorId: alice.id }]);
    list = await import("./route");
    read = await import("./read/route");
  });
  afterAll(() => t?.drop());

  const get = (query = "", headers = write) => callRoute(list.GET, "GET", `/api/v1/notifications${query}`, { headers });
  const post = (json: unknown, headers = write) =>
    callRoute(read.POST, "POST", "/api/v1/notifications/read", { headers, json });

  it("lists only the caller's notifications, newest first, a page at a time", async () => {
    const first = await get("?limit=2");
    expect(first.status).toBe(200);
    const page = await first.json();
    expect(page.unreadCount).toBe(3);
    expect(page.notifications.map((n: { commentId: string }) => n.commentId)).toEqual(["c2", "c1"]);
    expect(page.notifications[0]).toMatchObject({
      kind: "mentioned",
      briefingTitle: "Brief",
      actor: { id: bob.id, name: "Bob" },
      href: `/briefings/${briefingId}#comment-t1`,
      readAt: null,
    });
    const rest = await (await get(`?limit=2&cursor=${page.nextCursor}`)).json();
    expect(rest.notifications.map((n: { commentId: string }) => n.commentId)).toEqual(["c0"]);
    expect(rest.nextCursor).toBeNull();
    // Bob's notification is not Alice's to see, nor a cursor into his.
    const bobs = await t.db.notification.findFirstOrThrow({ where: { userId: bob.id } });
    const all = await (await get(`?cursor=${bobs.id}`)).json();
    expect(all.notifications.map((n: { id: string }) => n.id)).not.toContain(bobs.id);
    expect(all.notifications).toHaveLength(3);
  });

  it("marks listed ids or all read, ignoring other people's, and filters unread", async () => {
    const page = await (await get()).json();
    const bobs = await t.db.notification.findFirstOrThrow({ where: { userId: bob.id } });
    const marked = await post({ ids: [page.notifications[0].id, bobs.id] });
    expect(marked.status).toBe(200);
    expect(await marked.json()).toEqual({ changed: 1, unreadCount: 2 });
    expect((await t.db.notification.findUniqueOrThrow({ where: { id: bobs.id } })).readAt).toBeNull();
    expect((await (await get("?unread=true")).json()).notifications).toHaveLength(2);
    expect(await (await post({ all: true })).json()).toEqual({ changed: 2, unreadCount: 0 });
    expect(await t.db.notification.count({ where: { userId: bob.id, readAt: null } })).toBe(1);
  });

  it("answers bad input with 400 naming the field", async () => {
    for (const body of [{}, { ids: [] }, { all: false }, { ids: "x" }, { ids: ["a"], all: true }]) {
      const response = await post(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect((await response.json()).error.code).toBe("bad_request");
    }
    for (const query of ["?limit=0", "?limit=1000", "?unread=yes", "?other=1"]) {
      expect((await get(query)).status, query).toBe(400);
    }
    const notJson = await callRoute(read.POST, "POST", "/api/v1/notifications/read", { headers: write, body: "all" });
    expect(notJson.status).toBe(400);
  });

  it("answers 401 without credentials and 403 to a read token marking read", async () => {
    expect((await get("", new Headers())).status).toBe(401);
    expect((await post({ all: true }, new Headers())).status).toBe(401);
    const readToken = (await bearer(t.db, alice.id, "read")).headers;
    expect((await get("", readToken)).status).toBe(200);
    expect((await post({ all: true }, readToken)).status).toBe(403);
  });
});
