// Notification rules on SQLite and PostgreSQL: comment events (who gets what, never the actor,
// only readers, no duplicates), shares and access requests through the real grant writer and
// actions, retention, excerpts, listing with a cursor and marking read (only one's own).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp, type TestUser, useTestDb } from "@/lib/test/auth";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { request } from "@/lib/test/next-request";

const { createAuth } = await import("@/lib/auth/auth");
const { createBriefing } = await import("@/lib/briefings/create");
const { writeBriefingGrant } = await import("@/lib/briefings/grants");
const { shareBriefing } = await import("@/lib/briefings/actions");
const { requestAccess, approveAccessRequest } = await import("@/lib/access-requests/actions");
const { notifyCommentEvent } = await import("./comment-events");
const { markEmailVerified } = await import("@/lib/shares/by-email");
const { recordNotifications } = await import("./create");
const { listNotifications, countUnreadNotifications, markNotificationsRead } = await import("./queries");
const { markRead } = await import("./actions");
const { MAX_NOTIFICATIONS_PER_USER, NOTIFICATION_EXCERPT_MAX } = await import("./kinds");

describe.each(PROVIDERS)("notifications on %s", (provider) => {
  let t: TestDatabase;
  const u: Record<string, TestUser> = {};
  let briefingId = "";
  const as = (user: TestUser) => {
    request.headers = user.headers;
  };
  const kindsOf = async (user: TestUser) =>
    (await t.db.notification.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" } })).map(
      (n) => n.kind,
    );
  const clear = () => t.db.notification.deleteMany({});

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    useTestDb(t.db);
    const auth = createAuth(t.db);
    for (const name of ["Owner", "Alice", "Bob", "Carol", "Outsider"]) u[name] = await signUp(auth, name);
    ({ id: briefingId } = await createBriefing(t.db, {
      title: "Baltic brief",
      ownerId: u.Owner!.id,
      template: "blank",
    }));
    await t.db.briefingGrant.createMany({
      data: [
        { briefingId, userId: u.Alice!.id, role: "commenter" },
        { briefingId, userId: u.Bob!.id, role: "editor" },
        { briefingId, userId: u.Carol!.id, role: "viewer" },
      ],
    });
  });
  afterAll(() => t?.drop());

  const event = (over: Partial<Parameters<typeof notifyCommentEvent>[1]>) => ({
    kind: "created" as const,
    briefingId,
    threadId: "thread-1",
    commentId: "comment-1",
    actorId: u.Alice!.id,
    mentionedUserIds: [],
    threadParticipantIds: [u.Alice!.id],
    ...over,
  });

  it("notifies mentioned readers once, never the actor nor someone who cannot read the briefing", async () => {
    await clear();
    const mentioned = [u.Bob!.id, u.Alice!.id, u.Outsider!.id, u.Bob!.id];
    expect(await notifyCommentEvent(t.db, event({ mentionedUserIds: mentioned, excerpt: "See @Bob" }))).toBe(1);
    expect(await kindsOf(u.Bob!)).toEqual(["mentioned"]);
    expect(await kindsOf(u.Alice!)).toEqual([]);
    expect(await kindsOf(u.Outsider!)).toEqual([]);
    // The same comment edited, still mentioning Bob and now Carol: only Carol is new.
    expect(await notifyCommentEvent(t.db, event({ kind: "edited", mentionedUserIds: [u.Bob!.id, u.Carol!.id] }))).toBe(
      1,
    );
    expect(await kindsOf(u.Carol!)).toEqual(["mentioned"]);
    const [bobs] = (await listNotifications(t.db, u.Bob!.id)).notifications;
    expect(bobs).toMatchObject({
      kind: "mentioned",
      briefingTitle: "Baltic brief",
      actor: { id: u.Alice!.id, name: "Alice" },
      excerpt: "See @Bob",
      href: `/briefings/${briefingId}#comment-thread-1`,
    });
  });

  it("notifies the other participants of a reply, a mention instead of a reply for the mentioned", async () => {
    await clear();
    const reply = event({
      kind: "replied",
      commentId: "comment-2",
      actorId: u.Bob!.id,
      mentionedUserIds: [u.Carol!.id],
      threadParticipantIds: [u.Alice!.id, u.Bob!.id, u.Carol!.id, u.Owner!.id],
    });
    expect(await notifyCommentEvent(t.db, reply)).toBe(3);
    expect(await kindsOf(u.Alice!)).toEqual(["comment_reply"]);
    expect(await kindsOf(u.Owner!)).toEqual(["comment_reply"]);
    expect(await kindsOf(u.Carol!)).toEqual(["mentioned"]);
    expect(await kindsOf(u.Bob!)).toEqual([]);
    expect(await notifyCommentEvent(t.db, reply)).toBe(0); // the same event again
  });

  it("tells the thread's author when someone else resolves it; deleted and reopened notify nobody", async () => {
    await clear();
    const participants = [u.Alice!.id, u.Bob!.id];
    expect(
      await notifyCommentEvent(
        t.db,
        event({ kind: "resolved", actorId: u.Bob!.id, threadParticipantIds: participants }),
      ),
    ).toBe(1);
    expect(await kindsOf(u.Alice!)).toEqual(["thread_resolved"]);
    expect(
      await notifyCommentEvent(t.db, event({ kind: "resolved", commentId: "c9", threadParticipantIds: participants })),
    ).toBe(0);
    for (const kind of ["deleted", "reopened"] as const) {
      expect(
        await notifyCommentEvent(
          t.db,
          event({ kind, actorId: u.Bob!.id, mentionedUserIds: [u.Carol!.id], threadParticipantIds: participants }),
        ),
      ).toBe(0);
    }
  });

  it("notifies a person given a role (once per role change) and a team's members, not the sharer", async () => {
    await clear();
    as(u.Owner!);
    const outsider = u.Outsider!;
    expect(await shareBriefing({ briefingId, email: outsider.email, role: "viewer" })).toEqual({
      ok: true,
      data: null,
    });
    expect(await shareBriefing({ briefingId, email: outsider.email, role: "viewer" })).toEqual({
      ok: true,
      data: null,
    });
    const [shared] = (await listNotifications(t.db, outsider.id)).notifications;
    expect(shared).toMatchObject({
      kind: "briefing_shared",
      actor: { name: "Owner" },
      excerpt: "Viewer",
      href: `/briefings/${briefingId}`,
    });
    expect(await countUnreadNotifications(t.db, outsider.id)).toBe(1);
    await markNotificationsRead(t.db, outsider.id, { all: true });
    await shareBriefing({ briefingId, email: outsider.email, role: "editor" });
    expect(await kindsOf(outsider)).toEqual(["briefing_shared", "briefing_shared"]);

    const team = await t.db.organization.create({
      data: { id: `team-${provider}`, name: "Desk", slug: `desk-${provider}`, createdAt: new Date() },
    });
    await t.db.member.createMany({
      data: [u.Carol!, u.Owner!].map((m, i) => ({
        id: `m${i}-${provider}`,
        organizationId: team.id,
        userId: m.id,
        role: "member",
        createdAt: new Date(),
      })),
    });
    await t.db.$transaction((tx) =>
      writeBriefingGrant(tx, { briefingId, teamId: team.id, role: "commenter", actorId: u.Owner!.id }),
    );
    expect(await kindsOf(u.Carol!)).toEqual(["briefing_shared"]);
    expect(await kindsOf(u.Owner!)).toEqual([]);
    await t.db.briefingGrant.deleteMany({ where: { briefingId, OR: [{ userId: outsider.id }, { teamId: team.id }] } });
  });

  it("notifies an unverified address's account only once it is verified and the share becomes a grant", async () => {
    await clear();
    const late = await signUp(createAuth(t.db), "Late", `late.${provider}@example.org`, { verified: false });
    as(u.Owner!);
    expect(await shareBriefing({ briefingId, email: late.email, role: "commenter" })).toEqual({ ok: true, data: null });
    expect(await kindsOf(late)).toEqual([]);
    expect(await markEmailVerified(t.db, late.id)).toBe(true);
    const [shared] = (await listNotifications(t.db, late.id)).notifications;
    expect(shared).toMatchObject({ kind: "briefing_shared", actor: null, excerpt: "Commenter" });
  });

  it("tells the owner about an access request and the requester about the approval", async () => {
    await clear();
    as(u.Outsider!);
    expect(await requestAccess({ briefingId, message: "For the Monday meeting" })).toEqual({ ok: true, data: null });
    const [asked] = (await listNotifications(t.db, u.Owner!.id)).notifications;
    expect(asked).toMatchObject({
      kind: "access_requested",
      actor: { name: "Outsider" },
      excerpt: "For the Monday meeting",
    });
    const request = await t.db.accessRequest.findFirstOrThrow({ where: { briefingId, userId: u.Outsider!.id } });
    as(u.Owner!);
    expect(await approveAccessRequest({ briefingId, requestId: request.id, role: "viewer" })).toEqual({
      ok: true,
      data: null,
    });
    expect(await kindsOf(u.Outsider!)).toEqual(["briefing_shared"]);
  });

  it("keeps the newest notifications within the budget and cuts long excerpts", async () => {
    await clear();
    const drafts = Array.from({ length: MAX_NOTIFICATIONS_PER_USER + 3 }, (_, i) => ({
      userId: u.Carol!.id,
      kind: "mentioned" as const,
      briefingId,
      commentId: `bulk-${i}`,
      excerpt: i === 0 ? "x".repeat(1000) : `n${i}`,
    }));
    // Created in chunks: a single event only notifies MAX_RECIPIENTS_PER_EVENT people.
    for (const draft of drafts) await recordNotifications(t.db, [draft]);
    expect(await countUnreadNotifications(t.db, u.Carol!.id)).toBe(MAX_NOTIFICATIONS_PER_USER);
    const excerpts = (
      await t.db.notification.findMany({ where: { userId: u.Carol!.id }, select: { excerpt: true } })
    ).map((n) => n.excerpt);
    expect(excerpts).not.toContain("n1"); // among the oldest, dropped
    expect(excerpts).toContain(`n${MAX_NOTIFICATIONS_PER_USER + 2}`);
    const long = await recordNotifications(t.db, [
      { userId: u.Bob!.id, kind: "mentioned", commentId: "long", excerpt: "y".repeat(1000) },
    ]);
    expect(long).toBe(1);
    const bobs = await t.db.notification.findFirstOrThrow({ where: { userId: u.Bob!.id, commentId: "long" } });
    expect(bobs.excerpt.length).toBe(NOTIFICATION_EXCERPT_MAX);
  }, 120_000);

  it("pages newest first with a cursor, and marks only the caller's own notifications read", async () => {
    await clear();
    for (let i = 0; i < 5; i++) {
      await recordNotifications(t.db, [{ userId: u.Bob!.id, kind: "mentioned", briefingId, commentId: `p${i}` }]);
    }
    await recordNotifications(t.db, [{ userId: u.Carol!.id, kind: "mentioned", briefingId, commentId: "carol" }]);
    const first = await listNotifications(t.db, u.Bob!.id, { limit: 3 });
    const second = await listNotifications(t.db, u.Bob!.id, { limit: 3, cursor: first.nextCursor ?? "" });
    expect(first.notifications).toHaveLength(3);
    expect(second.notifications).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
    const ids = [...first.notifications, ...second.notifications].map((n) => n.commentId);
    expect(ids).toEqual(["p4", "p3", "p2", "p1", "p0"]);

    const carols = (await listNotifications(t.db, u.Carol!.id)).notifications.map((n) => n.id);
    as(u.Bob!);
    const result = await markRead({ ids: [first.notifications[0]!.id, ...carols] });
    expect(result).toEqual({ ok: true, data: { changed: 1, unreadCount: 4 } });
    expect(await countUnreadNotifications(t.db, u.Carol!.id)).toBe(1);
    expect((await listNotifications(t.db, u.Bob!.id, { unread: true })).notifications).toHaveLength(4);
    expect(await markRead({ all: true })).toEqual({ ok: true, data: { changed: 4, unreadCount: 0 } });
    expect(await markRead({ ids: [] })).toMatchObject({ ok: false, code: "unprocessable" });
    expect(await markRead({ all: false })).toMatchObject({ ok: false, code: "unprocessable" });
  });
});
