import { getUserFromHeaders } from "@/lib/auth/session";
import { getBriefingForActor } from "@/lib/briefings/queries";
import { briefingId } from "@/lib/briefings/schema";
import { getDb } from "@/lib/db";
import { AppError, errorResponse } from "@/lib/errors";

export const dynamic = "force-dynamic";

/** GET /api/briefings/:id — the briefing's metadata and the caller's role (same checks as the page). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const parsed = briefingId.safeParse((await params).id);
    if (!parsed.success) throw new AppError("bad_request", "Invalid briefing id.");
    const user = await getUserFromHeaders(request.headers);
    const briefing = await getBriefingForActor(getDb(), user, parsed.data);
    return Response.json({
      id: briefing.id,
      title: briefing.title,
      role: briefing.role,
      updatedAt: briefing.updatedAt.toISOString(),
      deletedAt: briefing.deletedAt?.toISOString() ?? null,
    });
  } catch (error) {
    return errorResponse(error);
  }
}
