import { getUserFromHeaders } from "@/lib/auth/session";
import { listComparisonOptions } from "@/lib/comparisons/embed";
import { getDb } from "@/lib/db";
import { AppError, errorResponse } from "@/lib/errors";

export const dynamic = "force-dynamic";

/** GET /api/comparisons — the caller's saved comparisons (own and teams'), newest first. */
export async function GET(request: Request) {
  try {
    const user = await getUserFromHeaders(request.headers);
    if (!user) throw new AppError("unauthorized", "Sign in to continue.");
    const comparisons = await listComparisonOptions(getDb(), user.id);
    return Response.json({ count: comparisons.length, comparisons }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
