import { parseBriefingId } from "@/lib/api/briefings";
import { apiRoute, parseJsonBody } from "@/lib/api/handler";
import { apiCreateWebhook, apiListWebhooks } from "@/lib/api/webhooks";
import { apiCreateWebhookSchema } from "@/lib/webhooks/schema";

export const dynamic = "force-dynamic";

/** GET /api/v1/briefings/:id/webhooks — the briefing's webhooks (owner; docs/api.md). */
export const GET = apiRoute(async ({ db, caller, params }) =>
  Response.json(await apiListWebhooks(db, caller, { briefingId: parseBriefingId(params.id) })),
);

/** POST /api/v1/briefings/:id/webhooks `{ url, events }` — registers one; returns its secret once. */
export const POST = apiRoute(async ({ request, db, caller, params }) => {
  const id = parseBriefingId(params.id);
  const input = await parseJsonBody(request, apiCreateWebhookSchema);
  return Response.json(await apiCreateWebhook(db, caller, { briefingId: id }, input), { status: 201 });
});
