import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { PING_EVENT, parseEvents, type WebhookEvent } from "./events";
import { MAX_WEBHOOKS_PER_SCOPE, type WebhookScope } from "./schema";
import { newWebhookSecret, sealWebhookSecret } from "./secret";

/** A webhook as lists (UI and API) show it: never its secret, only the secret's prefix. */
export type WebhookView = {
  id: string;
  url: string;
  events: WebhookEvent[];
  secretPrefix: string;
  active: boolean;
  disabledReason: string | null;
  createdAt: string;
  createdBy: string;
  lastDelivery: { status: string; responseStatus: number | null; at: string; error: string | null } | null;
};

/** One delivery as the deliveries list shows it. */
export type DeliveryView = {
  id: string;
  event: string;
  status: string;
  attempts: number;
  responseStatus: number | null;
  responseExcerpt: string | null;
  error: string | null;
  durationMs: number | null;
  createdAt: string;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
};

/**
 * Registers a webhook and returns its signing secret, this once (only an encrypted copy is kept,
 * to sign deliveries). Refused with a conflict beyond MAX_WEBHOOKS_PER_SCOPE; the count and the
 * insert share a transaction. No authorization here: callers authorize managing the scope first.
 */
export async function createWebhook(
  db: Db,
  input: { scope: WebhookScope; url: string; events: WebhookEvent[]; createdById: string },
  /** More writes for the same transaction (the API's audit record). */
  alongside?: (tx: Pick<Db, "apiAudit">, id: string) => Promise<void>,
): Promise<{ id: string; secret: string }> {
  const { secret, prefix } = newWebhookSecret();
  return db.$transaction(async (tx) => {
    if ("briefingId" in input.scope) {
      const briefing = await tx.briefing.findUnique({
        where: { id: input.scope.briefingId },
        select: { deletedAt: true },
      });
      if (!briefing || briefing.deletedAt)
        throw new AppError("conflict", "Restore the briefing before adding webhooks.");
    }
    const count = await tx.webhook.count({ where: input.scope });
    if (count >= MAX_WEBHOOKS_PER_SCOPE) {
      throw new AppError("conflict", `There are already ${MAX_WEBHOOKS_PER_SCOPE} webhooks here; delete one first.`);
    }
    const row = await tx.webhook.create({
      data: {
        ...input.scope,
        url: input.url,
        events: input.events.join(","),
        secretEncrypted: sealWebhookSecret(secret),
        secretPrefix: prefix,
        createdById: input.createdById,
      },
      select: { id: true },
    });
    await alongside?.(tx, row.id);
    return { id: row.id, secret };
  });
}

/** The webhooks of a briefing or team, oldest first, each with its last delivery. */
export async function listWebhooks(db: Db, scope: WebhookScope): Promise<WebhookView[]> {
  const rows = await db.webhook.findMany({
    where: scope,
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      url: true,
      events: true,
      secretPrefix: true,
      active: true,
      disabledReason: true,
      createdAt: true,
      createdBy: { select: { name: true } },
      deliveries: {
        where: { lastAttemptAt: { not: null } },
        orderBy: { lastAttemptAt: "desc" },
        take: 1,
        select: { status: true, responseStatus: true, lastAttemptAt: true, error: true },
      },
    },
  });
  return rows.map(({ deliveries, createdBy, ...row }) => {
    const last = deliveries[0];
    return {
      ...row,
      events: parseEvents(row.events),
      createdAt: row.createdAt.toISOString(),
      createdBy: createdBy.name,
      lastDelivery: last
        ? {
            status: last.status,
            responseStatus: last.responseStatus,
            at: last.lastAttemptAt?.toISOString() ?? "",
            error: last.error,
          }
        : null,
    };
  });
}

async function requireWebhook(db: Db, scope: WebhookScope, webhookId: string): Promise<void> {
  const found = await db.webhook.count({ where: { id: webhookId, ...scope } });
  if (!found) throw new AppError("not_found", "No such webhook (it may have been deleted).");
}

/** Deletes a webhook of the scope with its deliveries; not_found when it is not there. */
export async function deleteWebhook(db: Pick<Db, "webhook">, scope: WebhookScope, webhookId: string): Promise<void> {
  const { count } = await db.webhook.deleteMany({ where: { id: webhookId, ...scope } });
  if (!count) throw new AppError("not_found", "No such webhook (it may have been deleted).");
}

/**
 * Turns a webhook on (clearing its failure count and the reason it was turned off) or off (its
 * waiting deliveries are marked not sent, so nothing stale goes out when it is turned on again).
 */
export async function setWebhookActive(db: Db, scope: WebhookScope, webhookId: string, active: boolean): Promise<void> {
  await requireWebhook(db, scope, webhookId);
  await db.$transaction([
    db.webhook.update({
      where: { id: webhookId },
      data: active ? { active, disabledReason: null, consecutiveFailures: 0 } : { active },
    }),
    ...(active
      ? []
      : [
          db.webhookDelivery.updateMany({
            where: { webhookId, status: "pending" },
            data: { status: "skipped", error: "Not sent: the webhook was turned off." },
          }),
        ]),
  ]);
}

/** Queues a "ping" delivery (the "Send test event" button); returns its id. */
export async function queuePing(db: Db, scope: WebhookScope, webhookId: string): Promise<string> {
  await requireWebhook(db, scope, webhookId);
  const hook = await db.webhook.findUniqueOrThrow({ where: { id: webhookId }, select: { url: true, events: true } });
  const data = { webhook: { id: webhookId, url: hook.url, events: parseEvents(hook.events) }, ...scope };
  const row = await db.webhookDelivery.create({
    data: { webhookId, event: PING_EVENT, payload: JSON.stringify(data) },
    select: { id: true },
  });
  return row.id;
}

/** The webhook's last `take` deliveries, newest first. */
export async function listDeliveries(db: Db, webhookId: string, take = 20): Promise<DeliveryView[]> {
  const rows = await db.webhookDelivery.findMany({
    where: { webhookId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      event: true,
      status: true,
      attempts: true,
      responseStatus: true,
      responseExcerpt: true,
      error: true,
      durationMs: true,
      createdAt: true,
      lastAttemptAt: true,
      nextAttemptAt: true,
    },
  });
  return rows.map((row) => ({
    ...row,
    createdAt: row.createdAt.toISOString(),
    lastAttemptAt: row.lastAttemptAt?.toISOString() ?? null,
    nextAttemptAt: row.status === "pending" ? row.nextAttemptAt.toISOString() : null,
  }));
}
