import { apiAnswerClearance, parseClearanceId } from "@/lib/api/clearances";
import { apiRoute, parseJsonBody } from "@/lib/api/handler";
import { answerClearanceBody } from "@/lib/clearance/schema";

export const dynamic = "force-dynamic";

/** POST /api/v1/clearances/:id/answers `{ answer, comment? }` — a named clearer or a member of a named team. */
export const POST = apiRoute(async ({ request, db, caller, params }) => {
  const id = parseClearanceId(params.id);
  const input = await parseJsonBody(request, answerClearanceBody);
  return Response.json(await apiAnswerClearance(db, caller, id, input), { status: 201 });
});
