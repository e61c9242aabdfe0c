/** Who may have lost (or changed) access: one briefing, one user, or both. */
export type AccessChange = { briefingId?: string; userId?: string };

type Listener = (change: AccessChange) => void;

// One registry per process, shared by the Next bundle (server actions) and server/ (the
// collaboration server), which load separate copies of this module.
const KEY = Symbol.for("briefing-editor.access-listeners");
const registry = globalThis as typeof globalThis & { [KEY]?: Set<Listener> };

function listeners(): Set<Listener> {
  registry[KEY] ??= new Set();
  return registry[KEY];
}

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
