import type { Db } from "@/lib/db";
import { tryTake } from "@/lib/rate-limit";
import { RetryLaterError } from "./render-pool";

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
