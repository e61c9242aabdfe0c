import { apiRoute, parseJsonBody } from "@/lib/api/handler";
import { apiCreateWebhook, apiListWebhooks, parseTeamId } from "@/lib/api/webhooks";
import { apiCreateWebhookSchema } from "@/lib/webhooks/schema";

export const dynamic = "force-dynamic";

/** GET /api/v1/teams/:id/webhooks — the team's webhooks (team admins; docs/api.md). */
export const GET = apiRoute(async ({ db, caller, params }) =>
  Response.json(await apiListWebhooks(db, caller, { teamId: parseTeamId(params.id) })),
);

/** POST /api/v1/teams/:id/webhooks `{ url, events }` — registers one; returns its secret once. */
export const POST = apiRoute(async ({ request, db, caller, params }) => {
  const teamId = parseTeamId(params.id);
  const input = await parseJsonBody(request, apiCreateWebhookSchema);
  return Response.json(await apiCreateWebhook(db, caller, { teamId }, input), { status: 201 });
});
