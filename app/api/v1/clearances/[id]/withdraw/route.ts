import { apiWithdrawClearance, parseClearanceId } from "@/lib/api/clearances";
import { apiRoute, parseJsonBody } from "@/lib/api/handler";
import { emptyBody } from "@/lib/clearance/schema";

export const dynamic = "force-dynamic";

/** POST /api/v1/clearances/:id/withdraw `{}` — owner only: the briefing is a draft again. */
export const POST = apiRoute(async ({ request, db, caller, params }) => {
  const id = parseClearanceId(params.id);
  await parseJsonBody(request, emptyBody);
  return Response.json(await apiWithdrawClearance(db, caller, id));
});
