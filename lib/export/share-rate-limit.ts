import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db";
import { RetryLaterError } from "./render-pool";

const WINDOW_MS = 60_000;

/**
 * Counts one request against `key`, at most `limit` per fixed one-minute window: null when it may
 * go ahead, otherwise the seconds until the window ends. Shared with the public API's limiter.
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

/** The client address the server put in X-Forwarded-For (server/index.ts: the socket's, unless TRUST_PROXY). */
export function clientAddress(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "unknown";
}

/**
 * Counts an anonymous export through a share link, per link and per client address, each at most
 * `limit` a minute; over either, throws a 429 RetryLaterError saying when to try again.
 */
export async function limitShareExport(
  db: Db,
  request: { linkId: string; address: string; limit: number; now?: number },
): Promise<void> {
  const now = request.now ?? Date.now();
  const waits = [
    await tryTake(db, `export-share-link:${request.linkId}`, request.limit, now),
    await tryTake(db, `export-share-address:${request.address}`, request.limit, now),
  ].filter((wait): wait is number => wait !== null);
  if (!waits.length) return;
  throw new RetryLaterError(
    "rate_limited",
    "Too many downloads through this link. Wait a minute, then try again.",
    Math.max(...waits),
  );
}
