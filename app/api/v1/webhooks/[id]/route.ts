import { apiRoute } from "@/lib/api/handler";
import { apiDeleteWebhook, parseWebhookId } from "@/lib/api/webhooks";

export const dynamic = "force-dynamic";

/** DELETE /api/v1/webhooks/:id — deletes a webhook with its deliveries (docs/api.md). */
export const DELETE = apiRoute(async ({ db, caller, params }) => {
  await apiDeleteWebhook(db, caller, parseWebhookId(params.id));
  return new Response(null, { status: 204 });
});
