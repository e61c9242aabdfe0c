import { can, type Permission } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db";
import { PING_EVENT } from "./events";
import { openWebhookSecret } from "./secret";
import { DELIVERY_TIMEOUT_MS, type SendResult, sendWebhook } from "./send";
import { signWebhookBody } from "./signature";
import { type UrlPolicy, urlPolicy } from "./url-policy";

/** Waits before the 2nd, 3rd... attempt of a failed delivery; after the last, it has failed. */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 12 * 3_600_000] as const;
/** A webhook whose deliveries failed for good this many times in a row is turned off. */
export const DISABLE_AFTER_FAILED_DELIVERIES = 5;
// While an attempt runs, its row is claimed until now + this; a crashed instance's claim expires.
const CLAIM_MS = DELIVERY_TIMEOUT_MS + 60_000;

/** The wait before the next attempt after `attempts` failed ones, or null when it has failed for good. */
export function retryDelayMs(attempts: number): number | null {
  return RETRY_DELAYS_MS[attempts - 1] ?? null;
}

export type DeliveryOptions = { policy?: UrlPolicy; timeoutMs?: number; now?: () => Date };

export type AttemptOutcome = { status: "succeeded" | "pending" | "failed" | "skipped"; result: SendResult | null };

/**
 * Claims a due delivery for this process: a conditional update that only one instance can win
 * (it moves nextAttemptAt past the claim window, so the row stops being due for everyone else,
 * and releases the debounce key so later events start a new delivery). True when claimed.
 */
export async function claimDelivery(db: Db, id: string, now: Date): Promise<boolean> {
  const { count } = await db.webhookDelivery.updateMany({
    where: { id, status: "pending", nextAttemptAt: { lte: now } },
    data: { nextAttemptAt: new Date(now.getTime() + CLAIM_MS), debounceKey: null, attempts: { increment: 1 } },
  });
  return count === 1;
}

/** Why a claimed delivery must not be sent (a sentence stored with it), or null to send it. */
async function refusal(
  db: Db,
  hook: { active: boolean; briefingId: string | null; teamId: string | null; createdById: string },
  briefingId: string | null,
): Promise<string | null> {
  if (!hook.active) return "Not sent: the webhook is turned off.";
  const creator = await db.user.findUnique({
    where: { id: hook.createdById },
    select: { id: true, isAdmin: true, catalogEditor: true },
  });
  if (!creator) return "Not sent: the webhook's creator no longer exists.";
  const manage: Permission = hook.briefingId
    ? { action: "briefing:manage-webhooks", briefingId: hook.briefingId }
    : { action: "team:manage", teamId: hook.teamId ?? "" };
  if (!(await can(db, creator, manage))) return "Not sent: the webhook's creator may no longer manage it.";
  if (!briefingId) return null;
  const briefing = await db.briefing.findUnique({
    where: { id: briefingId },
    select: { teamId: true, deletedAt: true },
  });
  const covered = briefing && (hook.briefingId === briefingId || (hook.teamId && briefing.teamId === hook.teamId));
  if (!covered || briefing.deletedAt) return "Not sent: the briefing is deleted or no longer in the webhook's scope.";
  if (!(await can(db, creator, { action: "briefing:read", briefingId }))) {
    return "Not sent: the webhook's creator can no longer read this briefing.";
  }
  return null;
}

/**
 * Sends one claimed delivery and records the outcome: success; a retry scheduled by
 * RETRY_DELAYS_MS; failed for good (counted against the webhook, which is turned off after
 * DISABLE_AFTER_FAILED_DELIVERIES in a row); or skipped, when the webhook is off or its creator
 * lost access (so nothing they could not read leaves). A ping is tried once.
 */
export async function attemptClaimedDelivery(
  db: Db,
  id: string,
  options: DeliveryOptions = {},
): Promise<AttemptOutcome> {
  const now = options.now ?? (() => new Date());
  const delivery = await db.webhookDelivery.findUniqueOrThrow({
    where: { id },
    include: {
      webhook: {
        select: {
          id: true,
          url: true,
          secretEncrypted: true,
          active: true,
          briefingId: true,
          teamId: true,
          createdById: true,
        },
      },
    },
  });
  const hook = delivery.webhook;
  const skip = await refusal(db, hook, delivery.briefingId);
  if (skip) {
    await db.webhookDelivery.update({ where: { id }, data: { status: "skipped", error: skip, lastAttemptAt: now() } });
    return { status: "skipped", result: null };
  }
  const secret = openWebhookSecret(hook.secretEncrypted);
  const body = `{"id":${JSON.stringify(delivery.id)},"event":${JSON.stringify(delivery.event)},"createdAt":"${delivery.createdAt.toISOString()}","data":${delivery.payload}}`;
  const result: SendResult = secret
    ? await sendWebhook(
        hook.url,
        {
          "user-agent": "BriefingEditor-Webhook/1",
          "x-webhook-event": delivery.event,
          "x-webhook-delivery": delivery.id,
          "x-webhook-signature": signWebhookBody(secret, body, Math.floor(now().getTime() / 1000)),
        },
        body,
        { policy: options.policy ?? urlPolicy(), timeoutMs: options.timeoutMs },
      )
    : {
        ok: false,
        status: null,
        excerpt: null,
        error: "The signing secret cannot be read (the app secret changed); recreate the webhook.",
        durationMs: 0,
      };
  const recorded = {
    lastAttemptAt: now(),
    responseStatus: result.status,
    responseExcerpt: result.excerpt,
    error: result.error,
    durationMs: result.durationMs,
  };
  if (result.ok) {
    await db.webhookDelivery.update({ where: { id }, data: { ...recorded, status: "succeeded" } });
    if (delivery.event !== PING_EVENT) {
      await db.webhook.updateMany({ where: { id: hook.id }, data: { consecutiveFailures: 0 } });
    }
    return { status: "succeeded", result };
  }
  const delay = delivery.event === PING_EVENT ? null : retryDelayMs(delivery.attempts);
  if (delay !== null) {
    const nextAttemptAt = new Date(now().getTime() + delay);
    await db.webhookDelivery.update({ where: { id }, data: { ...recorded, status: "pending", nextAttemptAt } });
    return { status: "pending", result };
  }
  await db.webhookDelivery.update({ where: { id }, data: { ...recorded, status: "failed" } });
  if (delivery.event !== PING_EVENT) await countFailure(db, hook.id, result);
  return { status: "failed", result };
}

async function countFailure(db: Db, webhookId: string, result: SendResult): Promise<void> {
  const hook = await db.webhook.update({
    where: { id: webhookId },
    data: { consecutiveFailures: { increment: 1 } },
    select: { consecutiveFailures: true, active: true },
  });
  if (!hook.active || hook.consecutiveFailures < DISABLE_AFTER_FAILED_DELIVERIES) return;
  const last = result.status ? `HTTP ${result.status}` : (result.error ?? "no answer");
  const reason = `Turned off after ${hook.consecutiveFailures} failed deliveries in a row (the last: ${last}).`;
  await db.$transaction([
    db.webhook.updateMany({ where: { id: webhookId, active: true }, data: { active: false, disabledReason: reason } }),
    db.webhookDelivery.updateMany({
      where: { webhookId, status: "pending" },
      data: { status: "skipped", error: "Not sent: the webhook was turned off." },
    }),
  ]);
}

/** Claims and sends one delivery now (the "Send test event" button); null when it was not due or taken. */
export async function deliverNow(db: Db, id: string, options: DeliveryOptions = {}): Promise<AttemptOutcome | null> {
  const now = options.now?.() ?? new Date();
  if (!(await claimDelivery(db, id, now))) return null;
  return attemptClaimedDelivery(db, id, options);
}

/**
 * One round of the delivery loop: claims up to `limit` due deliveries and sends them in parallel.
 * Returns how many this process sent (or skipped).
 */
export async function runDueDeliveries(db: Db, options: DeliveryOptions & { limit?: number } = {}): Promise<number> {
  const now = options.now?.() ?? new Date();
  const due = await db.webhookDelivery.findMany({
    where: { status: "pending", nextAttemptAt: { lte: now } },
    orderBy: { nextAttemptAt: "asc" },
    take: options.limit ?? 10,
    select: { id: true },
  });
  const outcomes = await Promise.all(
    due.map(async ({ id }) => ((await claimDelivery(db, id, now)) ? attemptClaimedDelivery(db, id, options) : null)),
  );
  return outcomes.filter(Boolean).length;
}
