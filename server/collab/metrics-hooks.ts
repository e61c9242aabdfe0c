import type { CollabHooks, CollabVisit } from "./hooks";

/** Counters of the collaboration server's connections and storage since it started. */
export type CollabMetrics = {
  /** Upgrade requests for a valid briefing id. */
  visits: number;
  /** Of those, refused by the server (access, limits, missing briefing, failures). */
  refused: number;
  /** Visits that joined their room and whose socket is still open. */
  open: number;
  /** Batches of changes committed. */
  storedBatches: number;
};

/** Hooks that count visits, refusals, open connections and stored batches; `snapshot` reads them. */
export function metricsHooks(): CollabHooks & { snapshot(): CollabMetrics } {
  const metrics: CollabMetrics = { visits: 0, refused: 0, open: 0, storedBatches: 0 };
  // An earlier hook's refusal skips this one's `authorize`: each visit is counted where first seen.
  const seen = new WeakSet<CollabVisit>();
  const joined = new WeakSet<CollabVisit>();
  const see = (visit: CollabVisit) => {
    if (seen.has(visit)) return;
    seen.add(visit);
    metrics.visits++;
  };
  return {
    authorize(visit) {
      see(visit);
      return undefined;
    },
    load(visit) {
      see(visit);
      joined.add(visit);
      metrics.open++;
    },
    refused(visit) {
      see(visit);
      metrics.refused++;
    },
    close(visit) {
      if (joined.delete(visit)) metrics.open--;
    },
    stored() {
      metrics.storedBatches++;
    },
    snapshot: () => ({ ...metrics }),
  };
}
