import { getUserFromHeaders } from "@/lib/auth/session";
import { getComparisonEmbed } from "@/lib/comparisons/embed";
import { getDb } from "@/lib/db";
import { AppError, errorResponse } from "@/lib/errors";

export const dynamic = "force-dynamic";

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** GET /api/comparisons/:id — the saved comparison as a matrix table (needs `comparison:read`). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    if (!ID.test(id)) throw new AppError("bad_request", "Invalid comparison id.");
    const user = await getUserFromHeaders(request.headers);
    const embed = await getComparisonEmbed(getDb(), user, id);
    return Response.json(embed, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
