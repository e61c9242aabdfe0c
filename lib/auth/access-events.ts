import { processWide } from "@/lib/process-wide";

/** Who may have lost (or changed) access: one briefing, one user, or both. */
export type AccessChange = { briefingId?: string; userId?: string };

type Listener = (change: AccessChange) => void;

// Shared by the Next bundle (server actions announce) and server/ (the collaboration server listens).
const listeners = () => processWide("access-listeners", () => new Set<Listener>());

/**
 * Announces that access changed after the change is committed (a grant removed or lowered, a
 * briefing deleted, a team membership removed): open collaboration connections it may affect are
 * checked again, on every instance, and closed if they lost access.
 */
export function announceAccessChange(change: AccessChange): void {
  for (const listener of listeners()) {
    try {
      listener(change);
    } catch (error) {
      console.error("[access] listener failed:", error);
    }
  }
}

/** Subscribes to access changes announced in this process; returns the unsubscribe function. */
export function onAccessChange(listener: Listener): () => void {
  listeners().add(listener);
  return () => listeners().delete(listener);
}
