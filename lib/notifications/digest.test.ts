// Digest mails on SQLite and PostgreSQL, captured by the `send` seam (the real mailer is
// nodemailer behind SMTP_URL): one mail per user per round with their unread, un-mailed
// notifications as their preference asks, nothing twice, failed sends retried next round.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createBriefing } from "@/lib/briefings/create";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { buildUser } from "@/lib/test/fixtures";
import { recordNotifications } from "./create";
import { sendNotificationDigests } from "./digest";

type Mail = { to: string; subject: string; text: string };

describe.each(PROVIDERS)("notification digests on %s", (provider) => {
  let t: TestDatabase;
  let mails: Mail[] = [];
  const capture = async (to: string, subject: string, text: string) => {
    mails.push({ to, subject, text });
    return true;
  };
  const users = { ana: buildUser({ name: "Ana" }), ben: buildUser({ name: "Ben" }), cy: buildUser({ name: "Cy" }) };
  let briefingId = "";

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    for (const user of Object.values(users)) await t.db.user.create({ data: user });
    ({ id: briefingId } = await createBriefing(t.db, {
      title: "Baltic brief",
      ownerId: users.ana.id,
      template: "blank",
    }));
  });
  afterAll(() => t?.drop());
  beforeEach(async () => {
    mails = [];
    await t.db.notification.deleteMany({});
    await t.db.notificationSetting.deleteMany({});
  });

  const notify = (userId: string, kind: "mentioned" | "comment_reply" | "briefing_shared", commentId?: string) =>
    recordNotifications(t.db, [
      { userId, kind, briefingId, actorId: users.ana.id, commentId, threadId: "t1", excerpt: `about ${commentId}` },
    ]);

  it("sends one mail per user with all their unread mentions and replies, once", async () => {
    await notify(users.ben.id, "mentioned", "c1");
    await notify(users.ben.id, "comment_reply", "c2");
    await notify(users.cy.id, "mentioned", "c3");
    const read = await notify(users.cy.id, "mentioned", "c4");
    expect(read).toBe(1);
    await t.db.notification.updateMany({ where: { commentId: "c4" }, data: { readAt: new Date() } });

    expect(await sendNotificationDigests(t.db, { send: capture, baseUrl: "https://briefs.example.org" })).toBe(2);
    const ben = mails.find((m) => m.to === users.ben.email);
    expect(ben?.subject).toBe("2 new notifications");
    expect(ben?.text).toContain("Ana mentioned you in a comment on “Baltic brief”");
    expect(ben?.text).toContain("Ana replied in a thread on “Baltic brief”");
    expect(ben?.text).toContain(`https://briefs.example.org/briefings/${briefingId}#comment-t1`);
    const cy = mails.find((m) => m.to === users.cy.email);
    expect(cy?.subject).toBe("1 new notification");
    expect(cy?.text).not.toContain("about c4"); // already read in the app

    mails = [];
    expect(await sendNotificationDigests(t.db, { send: capture })).toBe(0);
    await notify(users.ben.id, "mentioned", "c5");
    expect(await sendNotificationDigests(t.db, { send: capture })).toBe(1);
    expect(mails[0]?.text).toContain("about c5");
    expect(mails[0]?.text).not.toContain("about c1");
  });

  it("follows each user's preference: mentions and replies, everything, or nothing", async () => {
    await t.db.notificationSetting.create({ data: { userId: users.cy.id, email: "all" } });
    await t.db.notificationSetting.create({ data: { userId: users.ana.id, email: "none" } });
    await notify(users.ben.id, "briefing_shared");
    await notify(users.cy.id, "briefing_shared");
    await recordNotifications(t.db, [
      { userId: users.ana.id, kind: "mentioned", briefingId, actorId: users.ben.id, commentId: "x" },
    ]);
    expect(await sendNotificationDigests(t.db, { send: capture })).toBe(1);
    expect(mails.map((m) => m.to)).toEqual([users.cy.email]);
    expect(mails[0]?.text).toContain("Ana shared “Baltic brief” with you");
    // Skipped ones leave the queue rather than being considered every round.
    expect(await t.db.notification.count({ where: { emailedAt: null } })).toBe(0);
  });

  it("gives notifications back when the mail could not be sent, and sends them next round", async () => {
    await notify(users.ben.id, "mentioned", "c1");
    expect(await sendNotificationDigests(t.db, { send: async () => false })).toBe(0);
    expect(await t.db.notification.count({ where: { emailedAt: null } })).toBe(1);
    expect(await sendNotificationDigests(t.db, { send: capture })).toBe(1);
    expect(mails).toHaveLength(1);
  });
});
