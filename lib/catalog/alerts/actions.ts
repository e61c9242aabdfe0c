"use server";

import { defineAction } from "@/lib/actions";
import { dismissBriefingAlerts } from "./queries";
import { dismissAlertsSchema } from "./schema";

/**
 * Dismisses catalog-change notices of a briefing (the listed ones, or all) for everyone: the
 * notice is about the document's facts, so whoever may edit the briefing reviews and clears it.
 */
export const dismissCatalogAlerts = defineAction(
  {
    schema: dismissAlertsSchema,
    permission: (d) => ({ action: "briefing:edit", briefingId: d.briefingId }),
    revalidate: (d) => [`/briefings/${d.briefingId}`],
  },
  async ({ user, data, db }) => ({
    dismissed: await dismissBriefingAlerts(db, { briefingId: data.briefingId, userId: user.id, ids: data.ids }),
  }),
);
