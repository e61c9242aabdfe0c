import { briefingUpdated } from "@/lib/webhooks/events";
import type { CollabHooks } from "./hooks";

/** Webhooks plug into the collaboration server here: every stored batch may send `briefing.updated` (debounced). */
export const webhookHooks: CollabHooks = {
  stored: (event) => {
    for (const userId of event.userIds) briefingUpdated(event.briefingId, userId);
    if (event.userIds.length === 0) briefingUpdated(event.briefingId);
  },
};
