import { z } from "zod";
import { route } from "@/lib/api/route";
import { getBriefingForActor } from "@/lib/briefings/queries";
import { briefingId } from "@/lib/briefings/schema";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

/** GET /api/briefings/:id — the briefing's metadata and the caller's role (same checks as the page). */
export const GET = route(
  {
    auth: "optional",
    params: {
      schema: z.object({ id: briefingId }),
      invalid: () => new AppError("bad_request", "Invalid briefing id."),
    },
  },
  async ({ db, actor, params }) => {
    const briefing = await getBriefingForActor(db, actor, params.id);
    return Response.json({
      id: briefing.id,
      title: briefing.title,
      role: briefing.role,
      updatedAt: briefing.updatedAt.toISOString(),
      deletedAt: briefing.deletedAt?.toISOString() ?? null,
    });
  },
);
