import { getUserFromHeaders } from "@/lib/auth/session";
import { briefingId as briefingIdSchema } from "@/lib/briefings/schema";
import { getComparisonEmbed } from "@/lib/comparisons/embed";
import { getDb } from "@/lib/db";
import { AppError, errorResponse } from "@/lib/errors";

export const dynamic = "force-dynamic";

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * GET /api/comparisons/:id[?briefing=BRIEFING_ID] — the saved comparison as a matrix table. On its
 * own it needs `comparison:read`; as embedded in a briefing (what the editor asks) it follows that
 * briefing's embed rule (`comparison:read-embedded`), like the share page and the exports.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    if (!ID.test(id)) throw new AppError("bad_request", "Invalid comparison id.");
    const briefingParam = new URL(request.url).searchParams.get("briefing");
    const briefing = briefingParam === null ? null : briefingIdSchema.safeParse(briefingParam);
    if (briefing && !briefing.success) {
      throw new AppError("bad_request", "Invalid briefing id.", [
        { param: "briefing", message: "is not a briefing id" },
      ]);
    }
    const user = await getUserFromHeaders(request.headers);
    const embed = await getComparisonEmbed(getDb(), user, id, briefing?.data);
    return Response.json(embed, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
