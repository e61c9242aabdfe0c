// Comment threads through the real routes and server actions, on SQLite and PostgreSQL: who may
// read, write, edit, resolve and delete; tombstones, audit, budgets; share links with and
// without comments; and the one after-write event every write announces.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAuth } from "@/lib/auth/auth";
import { createBriefing } from "@/lib/briefings/create";
import { type CommentEvent, onCommentEvent } from "@/lib/comments/events";
import { COMMENT_LIMITS } from "@/lib/comments/schema";
import { insertShareLink } from "@/lib/shares/queries";
import { bearer, callRoute } from "@/lib/test/api";
import { signUp, type TestUser, useTestDb } from "@/lib/test/auth";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { request } from "@/lib/test/next-request";

const threadsRoute = await import("@/app/api/v1/briefings/[id]/comments/route");
const commentRoute = await import("@/app/api/v1/comments/[id]/route");
const shareRoute = await import("@/app/api/share/[token]/comments/route");
const actions = await import("./actions");
const mentionActions = await import("@/lib/mentions/actions");

describe.each(PROVIDERS)("comment threads on %s", (provider) => {
  let t: TestDatabase;
  const u: Record<string, TestUser> = {};
  let id = "";
  const events: CommentEvent[] = [];

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    useTestDb(t.db);
    for (const name of ["Owner", "Editor", "Commenter", "Viewer", "Stranger"])
      u[name] = await signUp(getAuth(t.db), name);
    ({ id } = await createBriefing(t.db, { title: "Reviewed", ownerId: u.Owner!.id, template: "blank" }));
    for (const [name, role] of [
      ["Editor", "editor"],
      ["Commenter", "commenter"],
      ["Viewer", "viewer"],
    ] as const) {
      await t.db.briefingGrant.create({ data: { briefingId: id, userId: u[name]!.id, role } });
    }
    onCommentEvent((event) => events.push(event));
  });
  afterAll(() => t?.drop());

  const list = (user: TestUser, briefing = id) =>
    callRoute(threadsRoute.GET, "GET", `/api/v1/briefings/${briefing}/comments`, {
      headers: user.headers,
      params: { id: briefing },
    });
  const post = (user: TestUser | Headers, json: unknown, briefing = id) =>
    callRoute(threadsRoute.POST, "POST", `/api/v1/briefings/${briefing}/comments`, {
      headers: user instanceof Headers ? user : user.headers,
      json,
      params: { id: briefing },
    });
  const patch = (user: TestUser | Headers, commentId: string, json: unknown) =>
    callRoute(commentRoute.PATCH, "PATCH", `/api/v1/comments/${commentId}`, {
      headers: user instanceof Headers ? user : user.headers,
      json,
      params: { id: commentId },
    });
  const remove = (user: TestUser, commentId: string) =>
    callRoute(commentRoute.DELETE, "DELETE", `/api/v1/comments/${commentId}`, {
      headers: user.headers,
      params: { id: commentId },
    });
  const anchor = { from: "AQIDBA==", to: "BQYHCA==" };

  it("a commenter starts a thread on a quote, others reply; every write announces one event", async () => {
    events.length = 0;
    const created = await post(u.Commenter!, { body: "Source? @[Editor](user:EDITOR)", quote: "the claim", anchor });
    expect(created.status).toBe(201);
    const { id: threadId, thread } = await created.json();
    expect(thread).toMatchObject({ id: threadId, quote: "the claim", anchor, resolved: false });
    expect(thread.comments[0]).toMatchObject({ body: "Source? @[Editor](user:EDITOR)", mentions: ["EDITOR"] });
    const reply = await post(u.Editor!, { body: "Added, see https://example.org/a", parentId: threadId });
    expect(reply.status).toBe(201);
    expect(events.map((e) => [e.kind, e.threadId, e.mentionedUserIds])).toEqual([
      ["created", threadId, ["EDITOR"]],
      ["replied", threadId, []],
    ]);
    expect(events[1]?.threadParticipantIds.sort()).toEqual([u.Commenter!.id, u.Editor!.id].sort());
    const listed = await (await list(u.Viewer!)).json();
    expect(listed.threads).toHaveLength(1);
    expect(listed.threads[0].comments.map((c: { author: { id: string } }) => c.author.id)).toEqual([
      u.Commenter!.id,
      u.Editor!.id,
    ]);
  });

  it("a viewer reads but may not comment; a stranger gets 404 for reading and writing", async () => {
    expect((await list(u.Viewer!)).status).toBe(200);
    const refused = await post(u.Viewer!, { body: "hello" });
    expect(refused.status).toBe(403);
    expect((await list(u.Stranger!)).status).toBe(404);
    expect((await post(u.Stranger!, { body: "hello" })).status).toBe(404);
    const [thread] = (await (await list(u.Owner!)).json()).threads;
    expect((await patch(u.Stranger!, thread.id, { resolved: true })).status).toBe(404);
    expect((await patch(u.Stranger!, "no-such-comment", { resolved: true })).status).toBe(404);
    expect((await remove(u.Viewer!, thread.id)).status).toBe(403);
  });

  it("refuses a read-only token for writes, and lets it read", async () => {
    const read = (await bearer(t.db, u.Commenter!.id, "read")).headers;
    expect((await post(read, { body: "hello" })).status).toBe(403);
    const listed = await callRoute(threadsRoute.GET, "GET", `/api/v1/briefings/${id}/comments`, {
      headers: read,
      params: { id },
    });
    expect(listed.status).toBe(200);
    const [thread] = (await listed.json()).threads;
    expect((await patch(read, thread.id, { resolved: true })).status).toBe(403);
  });

  it("edits only one's own comment; refuses someone else's", async () => {
    const [thread] = (await (await list(u.Owner!)).json()).threads;
    const first = thread.comments[0].id;
    const edited = await patch(u.Commenter!, first, { body: "Source, please?" });
    expect(edited.status).toBe(200);
    expect((await edited.json()).thread.comments[0]).toMatchObject({ body: "Source, please?", mentions: [] });
    const other = await patch(u.Owner!, first, { body: "rewritten by the owner" });
    expect(other.status).toBe(403);
    expect((await other.json()).error.message).toMatch(/your own comments/);
  });

  it("resolves and reopens (anyone who may comment), recording who did it", async () => {
    const [thread] = (await (await list(u.Owner!)).json()).threads;
    const resolved = await patch(u.Editor!, thread.id, { resolved: true });
    expect((await resolved.json()).thread).toMatchObject({ resolved: true });
    expect((await patch(u.Commenter!, thread.id, { resolved: false })).status).toBe(200);
    const after = (await (await list(u.Viewer!)).json()).threads[0];
    expect(after.resolved).toBe(false);
    expect(after.activity.map((a: { kind: string; actor: { id: string } }) => [a.kind, a.actor.id])).toEqual([
      ["resolved", u.Editor!.id],
      ["reopened", u.Commenter!.id],
    ]);
  });

  it("deletes: own comments, anyone's for the owner; a first comment with replies stays as a tombstone", async () => {
    const [thread] = (await (await list(u.Owner!)).json()).threads;
    const [first, reply] = thread.comments;
    expect((await remove(u.Commenter!, reply.id)).status).toBe(403);
    expect((await remove(u.Owner!, first.id)).status).toBe(204);
    let now = (await (await list(u.Viewer!)).json()).threads[0];
    expect(now.comments[0]).toMatchObject({ deleted: true, body: "" });
    expect(now.quote).toBe("the claim");
    expect(now.activity.at(-1)).toMatchObject({ kind: "deleted", actor: { id: u.Owner!.id } });
    expect((await remove(u.Editor!, reply.id)).status).toBe(204);
    now = (await (await list(u.Viewer!)).json()).threads;
    expect(now).toEqual([]);
  });

  it("refuses bad input with 400 and fields", async () => {
    for (const json of [
      {},
      { body: "" },
      { body: "x".repeat(10_001) },
      { body: "ok", anchor: { from: "<script>", to: "AA==" } },
      { body: "ok", extra: 1 },
    ]) {
      const response = await post(u.Commenter!, json);
      expect(response.status).toBe(400);
      expect(Object.keys((await response.json()).error.fields ?? {}).length).toBeGreaterThan(0);
    }
    expect((await post(u.Commenter!, { body: "a reply", parentId: "missing" })).status).toBe(404);
  });

  it("holds at most threadsPerBriefing threads: one more is refused with 409 and nothing is written", async () => {
    const { id: full } = await createBriefing(t.db, { title: "Full", ownerId: u.Owner!.id, template: "blank" });
    const threads = Array.from({ length: COMMENT_LIMITS.threadsPerBriefing }, (_, i) => ({
      id: `full-${provider}-${i}`,
      threadId: `full-${provider}-${i}`,
      briefingId: full,
      authorId: u.Owner!.id,
      // Replies do not count as threads.
      body: `Thread ${i}`,
    }));
    const replies = threads.slice(0, 10).map((thread, i) => ({ ...thread, id: `${thread.id}-reply-${i}` }));
    await t.db.comment.createMany({ data: [...threads.slice(0, -1), ...replies] });
    expect((await post(u.Owner!, { body: "the last one" }, full)).status).toBe(201);
    const refused = await post(u.Owner!, { body: "one too many" }, full);
    expect(refused.status).toBe(409);
    expect((await refused.json()).error.message).toMatch(/at most 5,?000 comment threads/);
    expect(await t.db.comment.count({ where: { briefingId: full, body: "one too many" } })).toBe(0);
    expect((await post(u.Owner!, { body: "a reply still fits", parentId: threads[0]!.id }, full)).status).toBe(201);
  });

  it("share links read comments only when created with comments", async () => {
    const without = await insertShareLink(t.db, { briefingId: id, createdById: u.Owner!.id });
    const withComments = await insertShareLink(t.db, { briefingId: id, createdById: u.Owner!.id, withComments: true });
    const get = (token: string) =>
      callRoute(shareRoute.GET, "GET", `/api/share/${token}/comments`, { params: { token } });
    expect((await get(without.token)).status).toBe(404);
    const shown = await get(withComments.token);
    expect(shown.status).toBe(200);
    expect(await shown.json()).toHaveProperty("threads");
  });

  it("server actions: a commenter comments, a viewer is refused, the owner moderates", async () => {
    request.headers = u.Commenter!.headers;
    const added = await actions.addComment({ briefingId: id, body: "Through the panel", quote: "x", anchor });
    expect(added.ok).toBe(true);
    const threadId = added.ok ? added.data.threadId : "";
    expect((await actions.resolveThread({ briefingId: id, commentId: threadId, resolved: true })).ok).toBe(true);
    request.headers = u.Viewer!.headers;
    expect(await actions.addComment({ briefingId: id, body: "no" })).toMatchObject({ ok: false, code: "forbidden" });
    expect((await actions.loadThreads({ briefingId: id })).ok).toBe(true);
    request.headers = u.Editor!.headers;
    expect(await actions.updateCommentText({ briefingId: id, commentId: threadId, body: "mine now" })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    request.headers = u.Stranger!.headers;
    expect(await actions.loadThreads({ briefingId: id })).toMatchObject({ ok: false, code: "not_found" });
    request.headers = u.Owner!.headers;
    expect((await actions.removeComment({ briefingId: id, commentId: threadId })).ok).toBe(true);
    expect(await t.db.comment.count({ where: { threadId } })).toBe(0);
  });

  it("suggests people who can read the briefing for mentions, and shares with a teammate as commenter", async () => {
    request.headers = u.Commenter!.headers;
    const suggested = await actions.suggestMentions({ briefingId: id, query: "" });
    expect(suggested.ok && suggested.data.map((c) => c.id).sort()).toEqual(
      [u.Owner!.id, u.Editor!.id, u.Viewer!.id].sort(),
    );
    await t.db.organization.create({
      data: { id: `team-${provider}`, name: "T", slug: `t-${provider}`, createdAt: new Date() },
    });
    for (const name of ["Owner", "Stranger"]) {
      await t.db.member.create({
        data: {
          id: `m-${name}-${provider}`,
          organizationId: `team-${provider}`,
          userId: u[name]!.id,
          role: "member",
          createdAt: new Date(),
        },
      });
    }
    request.headers = u.Owner!.headers;
    const withStranger = await actions.suggestMentions({ briefingId: id, query: "strang" });
    expect(withStranger.ok && withStranger.data).toEqual([
      expect.objectContaining({ id: u.Stranger!.id, canRead: false }),
    ]);
    request.headers = u.Commenter!.headers;
    expect(await mentionActions.shareWithMentioned({ briefingId: id, userId: u.Stranger!.id })).toMatchObject({
      ok: false,
    });
    request.headers = u.Owner!.headers;
    expect((await mentionActions.shareWithMentioned({ briefingId: id, userId: u.Stranger!.id })).ok).toBe(true);
    expect(await t.db.briefingGrant.findFirst({ where: { briefingId: id, userId: u.Stranger!.id } })).toMatchObject({
      role: "commenter",
    });
  });

  it("a comment notifies who it mentions, a reply the thread's author, a resolution the author; webhooks hear comment.created", async () => {
    await t.db.webhook.create({
      data: {
        briefingId: id,
        url: "https://hooks.example.org/comments",
        events: "comment.created",
        secretEncrypted: "v1.x.x.x",
        secretPrefix: "whsec_x",
        createdById: u.Owner!.id,
      },
    });
    const mention = `@[Viewer](user:${u.Viewer!.id})`;
    const created = await post(u.Commenter!, { body: `Please check this, ${mention}.`, quote: "a claim", anchor });
    const { id: threadId } = await created.json();
    expect((await post(u.Editor!, { body: "Checked.", parentId: threadId })).status).toBe(201);
    expect((await patch(u.Owner!, threadId, { resolved: true })).status).toBe(200);
    const inbox = await t.db.notification.findMany({
      where: { threadId },
      select: { userId: true, kind: true, excerpt: true },
      orderBy: { createdAt: "asc" },
    });
    expect(inbox).toEqual([
      { userId: u.Viewer!.id, kind: "mentioned", excerpt: "Please check this, @Viewer." },
      { userId: u.Commenter!.id, kind: "comment_reply", excerpt: "Checked." },
      { userId: u.Commenter!.id, kind: "thread_resolved", excerpt: "" },
    ]);
    const queued = await t.db.webhookDelivery.findMany({
      where: { event: "comment.created" },
      select: { payload: true },
    });
    expect(queued.map((d) => JSON.parse(d.payload).comment.body).sort()).toEqual(
      ["Checked.", "Please check this, @Viewer."].sort(),
    );
  });
});
