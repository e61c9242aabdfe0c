import { listSharedThreads } from "@/lib/comments/shared";
import { getDb } from "@/lib/db";
import { errorResponse } from "@/lib/errors";

export const dynamic = "force-dynamic";

/** GET /api/share/:token/comments — the threads of a link created "with comments" (404 otherwise). */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  try {
    const { token } = await params;
    const threads = await listSharedThreads(getDb(), token);
    return Response.json({ threads }, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
