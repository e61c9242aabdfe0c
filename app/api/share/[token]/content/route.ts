import { getDb } from "@/lib/db";
import { errorResponse } from "@/lib/errors";
import { loadSharedDocument } from "@/lib/shares/content";

export const dynamic = "force-dynamic";

/**
 * GET /api/share/:token/content[?since=VERSION] — what the share page polls: the document as the
 * export model, or `{ version, unchanged: true }` when it has not changed since VERSION. 404 for
 * an unknown token, 410 once the link is revoked or expired (the page then stops polling).
 */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  try {
    const { token } = await params;
    const shared = await loadSharedDocument(getDb(), token);
    const since = new URL(request.url).searchParams.get("since");
    const body = since === shared.version ? { version: shared.version, unchanged: true } : shared;
    return Response.json(body, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
