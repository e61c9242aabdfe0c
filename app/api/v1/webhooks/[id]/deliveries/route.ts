import { apiRoute } from "@/lib/api/handler";
import { apiListDeliveries, parseWebhookId } from "@/lib/api/webhooks";

export const dynamic = "force-dynamic";

/** GET /api/v1/webhooks/:id/deliveries — the last 20 deliveries, newest first (docs/api.md). */
export const GET = apiRoute(async ({ db, caller, params }) =>
  Response.json(await apiListDeliveries(db, caller, parseWebhookId(params.id))),
);
