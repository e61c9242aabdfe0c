import { apiDeleteComment, apiUpdateComment, parseCommentId } from "@/lib/api/comments";
import { apiRoute, parseJsonBody } from "@/lib/api/handler";
import { updateCommentBody } from "@/lib/comments/schema";

export const dynamic = "force-dynamic";

/** PATCH /api/v1/comments/:id `{ body }` or `{ resolved: true|false }`. */
export const PATCH = apiRoute(async ({ request, db, caller, params }) => {
  const input = await parseJsonBody(request, updateCommentBody);
  return Response.json(await apiUpdateComment(db, caller, parseCommentId(params.id), input));
});

/** DELETE /api/v1/comments/:id — deletes the comment (a first comment with replies stays as a tombstone). */
export const DELETE = apiRoute(async ({ db, caller, params }) => {
  await apiDeleteComment(db, caller, parseCommentId(params.id));
  return new Response(null, { status: 204 });
});
