import type { Db } from "@/lib/db";

/** The window of the sign-in/sign-up limits, and the longest window of any rule we use. */
export const RATE_LIMIT_WINDOW_SECONDS = 60;

/** How often expired counters are swept, at most (per process and database). */
const PRUNE_INTERVAL_MS = 60_000;

/** Where better-auth serves its endpoints (its default base path; the app does not change it). */
const AUTH_BASE_PATH = "/api/auth";

/**
 * A test for "is this one of better-auth's endpoints?" built from their paths ("/callback/:id"
 * matches one segment for each parameter). Rate limiting keys a database row on client + path, so
 * counting requests to made-up paths would let one client add rows without end.
 */
export function knownAuthPaths(paths: readonly (string | undefined)[]): (path: string) => boolean {
  const exact = new Set<string>();
  const patterns: RegExp[] = [];
  for (const path of paths) {
    if (!path) continue;
    if (!path.includes(":")) exact.add(path);
    else patterns.push(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/:[^/]+/g, "[^/]+")}$`));
  }
  return (path) => exact.has(path) || patterns.some((pattern) => pattern.test(path));
}

/** The endpoint path of a request to better-auth ("/sign-in/email"), as its rate limiter sees it. */
export function authPathOf(request: Request): string {
  const pathname = new URL(request.url).pathname;
  const path = pathname.startsWith(AUTH_BASE_PATH) ? pathname.slice(AUTH_BASE_PATH.length) : pathname;
  return path.replace(/\/+$/, "") || "/";
}

/**
 * Deletes rate-limit counters whose window ended: better-auth only sweeps when a counter is
 * reused, so counters of clients that never come back would stay forever.
 */
export async function pruneRateLimits(db: Db, now = Date.now()): Promise<number> {
  const cutoff = BigInt(now - RATE_LIMIT_WINDOW_SECONDS * 1000);
  const { count } = await db.rateLimit.deleteMany({ where: { lastRequest: { lt: cutoff } } });
  return count;
}

const lastPrune = new WeakMap<Db, number>();

/** pruneRateLimits at most once per PRUNE_INTERVAL_MS for a database; errors are logged, not thrown. */
export async function pruneRateLimitsNow(db: Db): Promise<void> {
  const now = Date.now();
  if (now - (lastPrune.get(db) ?? 0) < PRUNE_INTERVAL_MS) return;
  lastPrune.set(db, now);
  try {
    await pruneRateLimits(db, now);
  } catch (error) {
    console.error("rate limit: could not delete expired counters", error);
  }
}
