import { z } from "zod";
import { route } from "@/lib/api/route";
import { loadSharedDocument } from "@/lib/shares/content";

export const dynamic = "force-dynamic";

/**
 * GET /api/share/:token/content[?since=VERSION] — what the share page polls: the document as the
 * export model, or `{ version, unchanged: true }` when it has not changed since VERSION. 404 for
 * an unknown token, 410 once the link is revoked or expired (the page then stops polling). The
 * token is the credential (checked by loadSharedDocument), so no session is looked up.
 */
export const GET = route(
  { auth: "public", query: { schema: z.object({ since: z.string().optional() }) } },
  async ({ db, params, query }) => {
    const shared = await loadSharedDocument(db, params.token ?? "");
    const body = query.since === shared.version ? { version: shared.version, unchanged: true } : shared;
    return Response.json(body, { headers: { "Cache-Control": "private, no-store" } });
  },
);
