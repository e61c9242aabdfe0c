import type { CollabHooks } from "./hooks";

/**
 * What the collaboration server logs about connections: failures nobody expected while opening a
 * briefing (the database is down, a bug). Expected refusals (no access, no such briefing, limits)
 * are the clients' business and stay out of the log.
 */
export function logHooks(onError: (error: unknown, context: string) => void): CollabHooks {
  return {
    refused(visit, refusal, error) {
      if (refusal.unexpected) onError(error, `opening briefing ${visit.briefingId}`);
    },
  };
}
