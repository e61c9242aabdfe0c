import type { Db } from "@/lib/db";
import { type DeliveryOptions, runDueDeliveries } from "./delivery";
import { flushBriefingUpdated, webhookRuntime } from "./events";

/** How often the loop looks for due deliveries. */
const POLL_MS = 5_000;
/** Finished deliveries are kept this long (the list shows the last 20 per webhook). */
const KEEP_FINISHED_MS = 30 * 24 * 3_600_000;
const PRUNE_EVERY_MS = 3_600_000;

/** Deletes finished deliveries older than 30 days; returns how many. */
export async function pruneDeliveries(db: Db, now = new Date()): Promise<number> {
  const { count } = await db.webhookDelivery.deleteMany({
    where: { status: { not: "pending" }, createdAt: { lt: new Date(now.getTime() - KEEP_FINISHED_MS) } },
  });
  return count;
}

/**
 * Starts this process's webhook delivery loop (server/index.ts): every few seconds it claims due
 * deliveries from the database and sends them, so deliveries survive restarts and several
 * instances share the work (each delivery is claimed by exactly one). Also turns on
 * `briefingUpdated` in this process. Returns a stop function that waits for the running round.
 */
export function startWebhookDelivery(db: Db, options: DeliveryOptions & { pollMs?: number } = {}): () => Promise<void> {
  const runtime = webhookRuntime();
  runtime.db = db;
  let running: Promise<void> | null = null;
  let lastPrune = 0;
  const tick = () => {
    if (running) return;
    running = (async () => {
      await runDueDeliveries(db, options);
      if (Date.now() - lastPrune > PRUNE_EVERY_MS) {
        lastPrune = Date.now();
        await pruneDeliveries(db);
      }
    })()
      .catch((error: unknown) => console.error("[webhooks] delivery round failed:", error))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, options.pollMs ?? POLL_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await flushBriefingUpdated();
    await running;
    if (runtime.db === db) runtime.db = null;
  };
}
