import { parseBriefingId } from "@/lib/api/briefings";
import { apiCreateComment, apiListComments } from "@/lib/api/comments";
import { apiRoute, parseJsonBody } from "@/lib/api/handler";
import { createCommentBody } from "@/lib/comments/schema";

export const dynamic = "force-dynamic";

/** GET /api/v1/briefings/:id/comments — the briefing's comment threads with their replies. */
export const GET = apiRoute(async ({ db, caller, params }) =>
  Response.json(await apiListComments(db, caller, parseBriefingId(params.id))),
);

/** POST /api/v1/briefings/:id/comments `{ body, quote?, anchor?, parentId? }` — a thread or a reply. */
export const POST = apiRoute(async ({ request, db, caller, params }) => {
  const input = await parseJsonBody(request, createCommentBody);
  return Response.json(await apiCreateComment(db, caller, parseBriefingId(params.id), input), { status: 201 });
});
