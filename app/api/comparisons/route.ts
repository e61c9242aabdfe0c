import { route } from "@/lib/api/route";
import { listComparisonOptions } from "@/lib/comparisons/embed";

export const dynamic = "force-dynamic";

/** GET /api/comparisons — the caller's saved comparisons (own and teams'), newest first. */
export const GET = route({ auth: "user" }, async ({ db, actor }) => {
  const comparisons = await listComparisonOptions(db, actor.id);
  return Response.json({ count: comparisons.length, comparisons }, { headers: { "Cache-Control": "no-store" } });
});
