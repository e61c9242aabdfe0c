import type { Db } from "@/lib/db";
import { RetryLaterError } from "@/lib/export/render-pool";
import { tryTake } from "@/lib/rate-limit";

/** Requests a minute one token (or one signed-in user's cookie calls) may make to /api/v1. */
export const API_RATE_LIMIT = 120;

/**
 * Counts one API call against the caller's bucket (database-backed, shared by every instance);
 * over the limit, throws a 429 saying when to try again.
 */
export async function limitApiCall(
  db: Db,
  rateKey: string,
  { limit = API_RATE_LIMIT, now = Date.now() }: { limit?: number; now?: number } = {},
): Promise<void> {
  const wait = await tryTake(db, rateKey, limit, now);
  if (wait === null) return;
  throw new RetryLaterError("rate_limited", `At most ${limit} requests a minute; try again shortly.`, wait);
}
