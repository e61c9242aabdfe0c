import { apiFinalizeClearance, parseClearanceId } from "@/lib/api/clearances";
import { apiRoute, parseJsonBody } from "@/lib/api/handler";
import { finalizeClearanceBody } from "@/lib/clearance/schema";

export const dynamic = "force-dynamic";

/** POST /api/v1/clearances/:id/finalize `{ dissent? }` — the owner clears over missing or non-concurring answers. */
export const POST = apiRoute(async ({ request, db, caller, params }) => {
  const id = parseClearanceId(params.id);
  const { dissent } = await parseJsonBody(request, finalizeClearanceBody);
  return Response.json(await apiFinalizeClearance(db, caller, id, dissent));
});
