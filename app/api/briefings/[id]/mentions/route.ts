import { getUserFromHeaders } from "@/lib/auth/session";
import { briefingId } from "@/lib/briefings/schema";
import { getDb } from "@/lib/db";
import { AppError, errorResponse } from "@/lib/errors";
import { findMentionCandidates, MENTION_QUERY_MAX } from "@/lib/mentions/queries";

export const dynamic = "force-dynamic";

/** GET /api/briefings/:id/mentions?q= — people the editor's @ popup offers (see findMentionCandidates). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const parsed = briefingId.safeParse((await params).id);
    if (!parsed.success) throw new AppError("bad_request", "Invalid briefing id.");
    const q = new URL(request.url).searchParams.get("q") ?? "";
    if (q.length > MENTION_QUERY_MAX)
      throw new AppError("bad_request", `Search with at most ${MENTION_QUERY_MAX} characters.`);
    const user = await getUserFromHeaders(request.headers);
    if (!user) throw new AppError("unauthorized", "Sign in to continue.");
    const lookup = await findMentionCandidates(getDb(), user, parsed.data, q);
    return Response.json(lookup, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
