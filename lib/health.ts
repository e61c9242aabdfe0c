import { processWide } from "@/lib/process-wide";

/** A component the health endpoint reports on, registered by the process that owns it. */
type Check = () => boolean;

// Shared by server/ (which owns the Redis link) and the Next bundle (the health route).
const checks = () => processWide("health-checks", () => new Map<string, Check>());

/** Adds (or replaces) a named check, e.g. "redis" -> is the link up. */
export function registerHealthCheck(name: string, check: Check): void {
  checks().set(name, check);
}

/** Removes a check (when its component stops). */
export function unregisterHealthCheck(name: string): void {
  checks().delete(name);
}

/** The result of every registered check. */
export function runHealthChecks(): Record<string, boolean> {
  return Object.fromEntries([...checks()].map(([name, check]) => [name, safely(check)]));
}

function safely(check: Check): boolean {
  try {
    return check();
  } catch {
    return false;
  }
}
