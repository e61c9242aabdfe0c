import type { Db } from "@/lib/db";
import { env } from "@/lib/env";
import { processWide } from "@/lib/process-wide";

/**
 * The events a webhook can subscribe to. Add one here (with its label) and emit it with
 * `emitWebhookEvent`; the form, the API's validation and the docs' list follow this table.
 */
export const WEBHOOK_EVENTS = {
  "briefing.updated": "Briefing text changed (at most once per 30 seconds per briefing)",
  "briefing.shared": "Briefing shared with a person or a team",
  "comment.created": "Comment added",
} as const;

export type WebhookEvent = keyof typeof WEBHOOK_EVENTS;
export const WEBHOOK_EVENT_NAMES = Object.keys(WEBHOOK_EVENTS) as WebhookEvent[];

/** Sent by "Send test event" only; not subscribable. */
export const PING_EVENT = "ping";

/** The largest `data` of one event, as JSON; a bigger one is recorded as a failed delivery. */
export const MAX_PAYLOAD_BYTES = 64 * 1024;
/** Deliveries waiting for one webhook; further events are not queued while it is that far behind. */
export const MAX_PENDING_PER_WEBHOOK = 100;
/** briefing.updated is sent at most this often per briefing and webhook, trailing the last change. */
export const UPDATED_DEBOUNCE_MS = 30_000;
/** Changes stored within this window are reported by one database write (per process). */
const LOCAL_COALESCE_MS = 2_000;

/** A client or an interactive-transaction client: events can be queued in the caller's transaction. */
export type WebhookWriter = Pick<Db, "briefing" | "webhook" | "webhookDelivery">;

// lib/auth/auth.ts's appUrl(), without loading better-auth into the collaboration server.
function publicUrl(): string {
  return (env().APP_URL ?? `http://localhost:${env().PORT}`).replace(/\/$/, "");
}

/** The events a webhook is subscribed to (its stored comma-separated list). */
export function parseEvents(stored: string): WebhookEvent[] {
  return stored.split(",").filter((e): e is WebhookEvent => e in WEBHOOK_EVENTS);
}

/**
 * Queues an event about a briefing for every active webhook whose scope covers it (the briefing's
 * own webhooks and its team's) and that subscribes to it. `data` joins `briefing: { id, title, url }`
 * in the payload. Delivery happens later, by the delivery loop, which re-checks that the webhook's
 * creator may still read the briefing. Returns how many deliveries were queued. For comments:
 *
 *   await emitWebhookEvent(tx, { event: "comment.created", briefingId, data: { comment: { id, ... } } });
 */
export async function emitWebhookEvent(
  db: WebhookWriter,
  input: { event: WebhookEvent; briefingId: string; data?: Record<string, unknown>; debounceMs?: number },
): Promise<number> {
  const briefing = await db.briefing.findUnique({
    where: { id: input.briefingId },
    select: { id: true, title: true, teamId: true, deletedAt: true },
  });
  if (!briefing || briefing.deletedAt) return 0;
  const scopes = [{ briefingId: briefing.id }, ...(briefing.teamId ? [{ teamId: briefing.teamId }] : [])];
  const hooks = await db.webhook.findMany({
    where: { active: true, OR: scopes, events: { contains: input.event } },
    select: { id: true, events: true },
  });
  const url = `${publicUrl()}/briefings/${briefing.id}`;
  const payload = JSON.stringify({ briefing: { id: briefing.id, title: briefing.title, url }, ...input.data });
  let queued = 0;
  for (const hook of hooks) {
    if (!parseEvents(hook.events).includes(input.event)) continue;
    if (await queueDelivery(db, hook.id, { ...input, payload })) queued++;
  }
  return queued;
}

async function queueDelivery(
  db: WebhookWriter,
  webhookId: string,
  input: { event: WebhookEvent; briefingId: string; payload: string; debounceMs?: number },
): Promise<boolean> {
  const base = { webhookId, event: input.event, briefingId: input.briefingId };
  const bytes = Buffer.byteLength(input.payload, "utf8");
  if (bytes > MAX_PAYLOAD_BYTES) {
    const error = `The event's data is ${Math.ceil(bytes / 1024)} KB; at most ${MAX_PAYLOAD_BYTES / 1024} KB are sent.`;
    await db.webhookDelivery.create({ data: { ...base, payload: "{}", status: "failed", error } });
    return false;
  }
  const debounceKey = input.debounceMs ? `${input.event}:${input.briefingId}` : null;
  if (debounceKey && (await joinWaiting(db, webhookId, debounceKey, input.payload))) return true;
  const pending = await db.webhookDelivery.count({ where: { webhookId, status: "pending" } });
  if (pending >= MAX_PENDING_PER_WEBHOOK) {
    console.warn(`[webhooks] ${webhookId} has ${pending} deliveries waiting; ${input.event} not queued`);
    return false;
  }
  try {
    await db.webhookDelivery.create({
      data: {
        ...base,
        payload: input.payload,
        debounceKey,
        nextAttemptAt: new Date(Date.now() + (input.debounceMs ?? 0)),
      },
    });
    return true;
  } catch (error) {
    // Another instance queued the debounced delivery between our look and create: join it.
    if (!debounceKey || (error as { code?: string }).code !== "P2002") throw error;
    return joinWaiting(db, webhookId, debounceKey, input.payload);
  }
}

/**
 * A debounced event joins the delivery still waiting for it (trailing): the newest data wins, and
 * lists present in both (such as `updatedBy`) are merged. False when none is waiting, or it was
 * claimed for sending meanwhile (the conditional update then matches nothing).
 */
async function joinWaiting(
  db: WebhookWriter,
  webhookId: string,
  debounceKey: string,
  payload: string,
): Promise<boolean> {
  const waiting = await db.webhookDelivery.findFirst({
    where: { webhookId, debounceKey },
    select: { id: true, payload: true },
  });
  if (!waiting) return false;
  const older = JSON.parse(waiting.payload) as Record<string, unknown>;
  const newer = JSON.parse(payload) as Record<string, unknown>;
  for (const [key, value] of Object.entries(newer)) {
    const before = older[key];
    if (Array.isArray(value) && Array.isArray(before)) newer[key] = [...new Set([...before, ...value])];
  }
  const { count } = await db.webhookDelivery.updateMany({
    where: { id: waiting.id, debounceKey },
    data: { payload: JSON.stringify(newer) },
  });
  return count === 1;
}

type Runtime = { db: Db | null; timers: Map<string, { timer: ReturnType<typeof setTimeout>; by: Set<string> }> };

/** The database of the running delivery loop (set by startWebhookDelivery), shared by the process. */
export function webhookRuntime(): Runtime {
  return processWide<Runtime>("webhooks.runtime", () => ({ db: null, timers: new Map() }));
}

/**
 * Reports that an update of a briefing was stored (called by the collaboration server after each
 * committed batch). Cheap: the changes of the next 2 s are reported together, and the webhooks then
 * get one `briefing.updated` at most every 30 s, trailing the last change. A no-op until the
 * delivery loop was started in this process (tests of the collaboration server start none).
 */
export function briefingUpdated(briefingId: string, byUserId?: string): void {
  const runtime = webhookRuntime();
  if (!runtime.db) return;
  const waiting = runtime.timers.get(briefingId);
  if (waiting) {
    if (byUserId) waiting.by.add(byUserId);
    return;
  }
  const by = new Set(byUserId ? [byUserId] : []);
  const timer = setTimeout(() => flushBriefingUpdated(briefingId), LOCAL_COALESCE_MS);
  timer.unref?.();
  runtime.timers.set(briefingId, { timer, by });
}

/** Sends the waiting briefing.updated reports now (one, or all); used at shutdown and by tests. */
export async function flushBriefingUpdated(briefingId?: string): Promise<void> {
  const runtime = webhookRuntime();
  const ids = briefingId ? [briefingId] : [...runtime.timers.keys()];
  await Promise.all(
    ids.map(async (id) => {
      const waiting = runtime.timers.get(id);
      runtime.timers.delete(id);
      if (!waiting || !runtime.db) return;
      clearTimeout(waiting.timer);
      const data = { updatedAt: new Date().toISOString(), updatedBy: [...waiting.by] };
      await emitWebhookEvent(runtime.db, {
        event: "briefing.updated",
        briefingId: id,
        data,
        debounceMs: UPDATED_DEBOUNCE_MS,
      }).catch((error: unknown) => console.error(`[webhooks] briefing.updated for ${id}:`, error));
    }),
  );
}
