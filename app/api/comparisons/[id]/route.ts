import { z } from "zod";
import { route } from "@/lib/api/route";
import { briefingId as briefingIdSchema } from "@/lib/briefings/schema";
import { getComparisonEmbed } from "@/lib/comparisons/embed";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

/**
 * GET /api/comparisons/:id[?briefing=BRIEFING_ID] — the saved comparison as a matrix table. On its
 * own it needs `comparison:read`; as embedded in a briefing (what the editor asks) it follows that
 * briefing's embed rule (`comparison:read-embedded`), like the share page and the exports.
 */
export const GET = route(
  {
    auth: "optional",
    params: {
      schema: z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) }),
      invalid: () => new AppError("bad_request", "Invalid comparison id."),
    },
    query: {
      // Other query parameters are ignored, as they always were.
      schema: z.object({ briefing: briefingIdSchema.optional() }),
      invalid: () =>
        new AppError("bad_request", "Invalid briefing id.", [{ param: "briefing", message: "is not a briefing id" }]),
    },
  },
  async ({ db, actor, params, query }) => {
    const embed = await getComparisonEmbed(db, actor, params.id, query.briefing);
    return Response.json(embed, { headers: { "Cache-Control": "no-store" } });
  },
);
