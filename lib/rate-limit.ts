import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db";

const WINDOW_MS = 60_000;

/**
 * Counts one request against `key`, at most `limit` per fixed one-minute window: null when it may
 * go ahead, otherwise the seconds until the window ends. The one fixed-window limiter of the app's
 * own routes (share-link exports, the public API); better-auth limits its own endpoints.
 */
// Counters live in the RateLimit table (the one better-auth's sign-in limit uses, under its own
// keys), so every instance of the app shares them. A row is one fixed window: `lastRequest` is
// when the window started, `count` the requests in it. Each step is one conditional write, so
// parallel requests cannot all read "0" and all pass.
export async function tryTake(db: Db, key: string, limit: number, now: number): Promise<number | null> {
  const windowStart = BigInt(now - WINDOW_MS);
  for (let attempt = 0; attempt < 5; attempt++) {
    const counted = await db.rateLimit.updateMany({
      where: { key, lastRequest: { gt: windowStart }, count: { lt: limit } },
      data: { count: { increment: 1 } },
    });
    if (counted.count === 1) return null;
    const renewed = await db.rateLimit.updateMany({
      where: { key, lastRequest: { lte: windowStart } },
      data: { count: 1, lastRequest: BigInt(now) },
    });
    if (renewed.count === 1) return null;
    const row = await db.rateLimit.findUnique({ where: { key }, select: { count: true, lastRequest: true } });
    const current = row && row.lastRequest > windowStart;
    if (current && row.count >= limit)
      return Math.max(1, Math.ceil((Number(row.lastRequest) + WINDOW_MS - now) / 1000));
    // A row that appeared (or was renewed) since the writes above: count against it next round.
    if (row) continue;
    try {
      await db.rateLimit.create({ data: { id: randomUUID(), key, count: 1, lastRequest: BigInt(now) } });
      return null;
    } catch {
      // Another request created the row first: count against it on the next round.
    }
  }
  return 1;
}
