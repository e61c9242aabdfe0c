import dns from "node:dns/promises";
import os from "node:os";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { signUp, type TestUser, useTestDb } from "@/lib/test/auth";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { request } from "@/lib/test/next-request";
import { startWebhookReceiver } from "@/lib/test/webhook-receiver";

const { createAuth } = await import("@/lib/auth/auth");
const { createBriefing } = await import("@/lib/briefings/create");
const { writeBriefingGrant } = await import("@/lib/briefings/grants");
const { createWebhook, sendTestEvent } = await import("./actions");
const { runDueDeliveries, DISABLE_AFTER_FAILED_DELIVERIES } = await import("./delivery");
const { briefingUpdated, emitWebhookEvent, flushBriefingUpdated } = await import("./events");
const { pruneDeliveries, startWebhookDelivery } = await import("./worker");

const as = (user: TestUser) => {
  request.headers = user.headers;
};
const MINUTE = 60_000;

// The machine's own name, when it resolves to a loopback/private address: a host name no static
// check can refuse, so only the check at connect time (safeLookup) stands between it and the loopback.
const hostResolvesPrivately = await dns
  .lookup(os.hostname())
  .then(({ address }) => /^(127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|::1$)/.test(address))
  .catch(() => false);

describe.each(PROVIDERS)("webhook delivery on %s", (provider) => {
  let t: TestDatabase;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  const u: Record<string, TestUser> = {};
  let briefingId = "";
  let teamBriefingId = "";
  const teamId = "team-hooks";

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    useTestDb(t.db);
    const auth = createAuth(t.db);
    for (const name of ["Owner", "Admin", "Member"]) u[name] = await signUp(auth, name);
    ({ id: briefingId } = await createBriefing(t.db, { title: "Hooked", ownerId: u.Owner!.id, template: "blank" }));
    await t.db.organization.create({ data: { id: teamId, name: "Desk", slug: "desk" } });
    await t.db.member.createMany({
      data: [
        { id: "m1", organizationId: teamId, userId: u.Owner!.id, role: "owner" },
        { id: "m2", organizationId: teamId, userId: u.Admin!.id, role: "admin" },
        { id: "m3", organizationId: teamId, userId: u.Member!.id, role: "member" },
      ],
    });
    ({ id: teamBriefingId } = await createBriefing(t.db, {
      title: "Team brief",
      ownerId: u.Owner!.id,
      teamId,
      template: "blank",
    }));
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await receiver?.close();
    await t?.drop();
  });
  beforeEach(async () => {
    receiver.received.length = 0;
    receiver.state.mode = "ok";
    await t.db.webhook.deleteMany();
  });

  async function hook(events: string[], scope: { briefingId: string } | { teamId: string } = { briefingId }) {
    const created = await createWebhook({ ...scope, url: receiver.url, events });
    if (!created.ok) throw new Error(created.message);
    receiver.state.secret = created.data.secret;
    return created.data.id;
  }

  const deliveriesOf = (webhookId: string) =>
    t.db.webhookDelivery.findMany({ where: { webhookId }, orderBy: { createdAt: "asc" } });

  it("delivers a signed briefing.shared to a real server, which verifies the signature", async () => {
    as(u.Owner!);
    const webhookId = await hook(["briefing.shared"]);
    await t.db.$transaction((tx) =>
      writeBriefingGrant(tx, { briefingId, email: "Reader@Example.org", role: "viewer" }),
    );
    expect(await runDueDeliveries(t.db)).toBe(1);
    expect(receiver.received).toHaveLength(1);
    const got = receiver.received[0]!;
    const [delivery] = await deliveriesOf(webhookId);
    expect(got).toMatchObject({ event: "briefing.shared", deliveryId: delivery!.id, verified: true });
    expect(got.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(JSON.parse(got.body)).toEqual({
      id: delivery!.id,
      event: "briefing.shared",
      createdAt: delivery!.createdAt.toISOString(),
      data: {
        briefing: {
          id: briefingId,
          title: "Hooked",
          url: expect.stringMatching(new RegExp(`/briefings/${briefingId}$`)),
        },
        grantee: { email: "reader@example.org" },
        role: "viewer",
      },
    });
    expect(delivery).toMatchObject({
      status: "succeeded",
      attempts: 1,
      responseStatus: 200,
      responseExcerpt: "thanks",
    });
    // A wrong secret on the receiving side would not verify: the check can fail.
    receiver.state.secret = "whsec_wrong";
    await t.db.$transaction((tx) => writeBriefingGrant(tx, { briefingId, teamId, role: "viewer" }));
    await runDueDeliveries(t.db);
    expect(receiver.received[1]).toMatchObject({ event: "briefing.shared", verified: false });
    expect(JSON.parse(receiver.received[1]!.body).data.grantee).toEqual({ team: { id: teamId, name: "Desk" } });
    await t.db.briefingGrant.deleteMany({ where: { briefingId, teamId } });
  });

  it("retries a 500 on the backoff schedule, then fails for good", async () => {
    as(u.Owner!);
    const webhookId = await hook(["briefing.shared"]);
    receiver.state.mode = "error";
    await emitWebhookEvent(t.db, { event: "briefing.shared", briefingId, data: { role: "viewer" } });
    let now = Date.now();
    const run = () => runDueDeliveries(t.db, { now: () => new Date(now) });
    expect(await run()).toBe(1);
    let [delivery] = await deliveriesOf(webhookId);
    expect(delivery).toMatchObject({
      status: "pending",
      attempts: 1,
      responseStatus: 500,
      responseExcerpt: "upstream broke",
    });
    expect(delivery!.error).toMatch(/HTTP 500/);
    expect(delivery!.nextAttemptAt.getTime()).toBe(now + MINUTE);
    expect(await run()).toBe(0); // not due yet
    for (const wait of [1, 5, 30, 120, 720]) {
      now += wait * MINUTE;
      expect(await run()).toBe(1);
    }
    [delivery] = await deliveriesOf(webhookId);
    expect(delivery).toMatchObject({ status: "failed", attempts: 6 });
    expect(receiver.received).toHaveLength(6);
    expect((await t.db.webhook.findUniqueOrThrow({ where: { id: webhookId } })).consecutiveFailures).toBe(1);
  });

  it(`turns a webhook off after ${DISABLE_AFTER_FAILED_DELIVERIES} failed deliveries in a row and says why`, async () => {
    as(u.Owner!);
    const webhookId = await hook(["briefing.shared"]);
    receiver.state.mode = "error";
    await t.db.webhook.update({
      where: { id: webhookId },
      data: { consecutiveFailures: DISABLE_AFTER_FAILED_DELIVERIES - 1 },
    });
    // Two deliveries on their last attempt, one waiting: the first failure turns the webhook off.
    await emitWebhookEvent(t.db, { event: "briefing.shared", briefingId, data: {} });
    await t.db.webhookDelivery.updateMany({ where: { webhookId }, data: { attempts: 5 } });
    await emitWebhookEvent(t.db, { event: "briefing.shared", briefingId, data: {} });
    await t.db.webhookDelivery.updateMany({
      where: { webhookId, attempts: 0 },
      data: { nextAttemptAt: new Date(Date.now() + MINUTE) },
    });
    expect(await runDueDeliveries(t.db)).toBe(1);
    const hookRow = await t.db.webhook.findUniqueOrThrow({ where: { id: webhookId } });
    expect(hookRow.active).toBe(false);
    expect(hookRow.disabledReason).toMatch(/5 failed deliveries in a row \(the last: HTTP 500\)/);
    expect((await deliveriesOf(webhookId)).map((d) => d.status)).toEqual(["failed", "skipped"]);
    // Turned off: new events are not queued.
    expect(await emitWebhookEvent(t.db, { event: "briefing.shared", briefingId, data: {} })).toBe(0);
  });

  it("gives up on an attempt that gets no answer within the timeout and schedules a retry", async () => {
    as(u.Owner!);
    const webhookId = await hook(["briefing.shared"]);
    receiver.state.mode = "hang";
    await emitWebhookEvent(t.db, { event: "briefing.shared", briefingId, data: {} });
    expect(await runDueDeliveries(t.db, { timeoutMs: 300 })).toBe(1);
    const [delivery] = await deliveriesOf(webhookId);
    expect(delivery).toMatchObject({
      status: "pending",
      attempts: 1,
      responseStatus: null,
      error: "No answer within 0.3 s.",
    });
    expect(receiver.received).toHaveLength(1);
  });

  it("sends a claimed delivery once when two loops (instances) race for it", async () => {
    as(u.Owner!);
    await hook(["briefing.shared"]);
    await emitWebhookEvent(t.db, { event: "briefing.shared", briefingId, data: {} });
    const counts = await Promise.all([runDueDeliveries(t.db), runDueDeliveries(t.db), runDueDeliveries(t.db)]);
    expect(counts.reduce((a, b) => a + b)).toBe(1);
    expect(receiver.received).toHaveLength(1);
  });

  it("debounces briefing.updated: one delivery per webhook and window, trailing, with the newest data", async () => {
    as(u.Owner!);
    const webhookId = await hook(["briefing.updated"]);
    const stop = startWebhookDelivery(t.db, { pollMs: 3_600_000 });
    try {
      briefingUpdated(briefingId, u.Owner!.id);
      briefingUpdated(briefingId);
      await flushBriefingUpdated();
      await t.db.briefing.update({ where: { id: briefingId }, data: { title: "Hooked v2" } });
      briefingUpdated(briefingId);
      await flushBriefingUpdated();
    } finally {
      await stop();
    }
    let deliveries = await deliveriesOf(webhookId);
    expect(deliveries).toHaveLength(1);
    const waitMs = deliveries[0]!.nextAttemptAt.getTime() - deliveries[0]!.createdAt.getTime();
    expect(waitMs).toBeGreaterThanOrEqual(29_000);
    expect(JSON.parse(deliveries[0]!.payload).briefing.title).toBe("Hooked v2");
    // Not due for 30 s; once sent, the next change starts a new delivery.
    expect(await runDueDeliveries(t.db)).toBe(0);
    expect(await runDueDeliveries(t.db, { now: () => new Date(Date.now() + 31_000) })).toBe(1);
    expect(JSON.parse(receiver.received[0]!.body).data).toMatchObject({
      briefing: { title: "Hooked v2" },
      updatedBy: [u.Owner!.id],
    });
    await emitWebhookEvent(t.db, { event: "briefing.updated", briefingId, debounceMs: 30_000 });
    deliveries = await deliveriesOf(webhookId);
    expect(deliveries.map((d) => d.status)).toEqual(["succeeded", "pending"]);
  });

  it("covers a team's briefings for a team webhook, and skips (saying why) once the creator lost access", async () => {
    as(u.Admin!);
    const webhookId = await hook(["briefing.shared"], { teamId });
    // Not the team's: not covered.
    expect(await emitWebhookEvent(t.db, { event: "briefing.shared", briefingId, data: {} })).toBe(0);
    expect(await emitWebhookEvent(t.db, { event: "briefing.shared", briefingId: teamBriefingId, data: {} })).toBe(1);
    await runDueDeliveries(t.db);
    expect(receiver.received).toHaveLength(1);
    // The team's grant is removed: the admin cannot read the briefing any more.
    await t.db.briefingGrant.deleteMany({ where: { briefingId: teamBriefingId, teamId } });
    await emitWebhookEvent(t.db, { event: "briefing.shared", briefingId: teamBriefingId, data: {} });
    await runDueDeliveries(t.db);
    // The admin becomes a member: they may no longer manage the team's webhooks.
    await t.db.member.update({ where: { id: "m2" }, data: { role: "member" } });
    await emitWebhookEvent(t.db, { event: "briefing.shared", briefingId: teamBriefingId, data: {} });
    await runDueDeliveries(t.db);
    expect(receiver.received).toHaveLength(1);
    const deliveries = await deliveriesOf(webhookId);
    expect(deliveries.map((d) => [d.status, d.error])).toEqual([
      ["succeeded", null],
      ["skipped", "Not sent: the webhook's creator can no longer read this briefing."],
      ["skipped", "Not sent: the webhook's creator may no longer manage it."],
    ]);
    await t.db.member.update({ where: { id: "m2" }, data: { role: "admin" } });
    await t.db.briefingGrant.create({ data: { briefingId: teamBriefingId, teamId, role: "editor" } });
  });

  it("sends a test event at once and reports the answer", async () => {
    as(u.Owner!);
    const webhookId = await hook(["briefing.updated"]);
    const ok = await sendTestEvent({ briefingId, webhookId });
    expect(ok).toEqual({ ok: true, data: { status: "succeeded", responseStatus: 200, error: null } });
    expect(receiver.received[0]).toMatchObject({ event: "ping", verified: true });
    receiver.state.mode = "error";
    const failed = await sendTestEvent({ briefingId, webhookId });
    expect(failed).toMatchObject({ ok: true, data: { status: "failed", responseStatus: 500 } });
    // A failed ping is not retried and does not count against the webhook.
    expect((await t.db.webhook.findUniqueOrThrow({ where: { id: webhookId } })).consecutiveFailures).toBe(0);
  });

  it("prunes finished deliveries after 30 days, never waiting ones", async () => {
    as(u.Owner!);
    const webhookId = await hook(["briefing.shared"]);
    const old = new Date(Date.now() - 31 * 24 * 60 * MINUTE);
    await t.db.webhookDelivery.createMany({
      data: [
        { webhookId, event: "briefing.shared", payload: "{}", status: "succeeded", createdAt: old },
        { webhookId, event: "briefing.shared", payload: "{}", status: "pending", createdAt: old },
        { webhookId, event: "briefing.shared", payload: "{}", status: "failed" },
      ],
    });
    expect(await pruneDeliveries(t.db)).toBe(1);
    expect((await deliveriesOf(webhookId)).map((d) => d.status).sort()).toEqual(["failed", "pending"]);
  });

  it("refuses private addresses at delivery time under the production policy (SSRF)", async () => {
    as(u.Owner!);
    const webhookId = await hook(["briefing.shared"]);
    const production = { policy: { allowLocal: false } };
    await emitWebhookEvent(t.db, { event: "briefing.shared", briefingId, data: {} });
    await runDueDeliveries(t.db, production);
    const [refused] = await deliveriesOf(webhookId);
    expect(refused).toMatchObject({ status: "pending", attempts: 1 });
    expect(refused!.error).toMatch(/development only/);
    if (hostResolvesPrivately) {
      // https://<this machine's name>/: passes the static checks, refused when resolved.
      await t.db.webhook.update({
        where: { id: webhookId },
        data: { url: `https://${os.hostname()}:${receiver.port}/hook` },
      });
      await t.db.webhookDelivery.updateMany({ where: { webhookId }, data: { nextAttemptAt: new Date() } });
      await runDueDeliveries(t.db, production);
      const [again] = await deliveriesOf(webhookId);
      expect(again!.error).toMatch(new RegExp(`Refused: ${os.hostname()} resolves to .*(private|loopback)`));
    }
    expect(receiver.received).toHaveLength(0);
  });
});
