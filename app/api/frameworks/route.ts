import { route } from "@/lib/api/route";
import { listFrameworks } from "@/lib/catalog/queries";
import { frameworkFiltersSchema } from "@/lib/catalog/schema";

export const dynamic = "force-dynamic";

/** GET /api/frameworks?q=&kind=&region=&status=&country= */
export const GET = route(
  { auth: "public", query: { schema: frameworkFiltersSchema.strict() } },
  async ({ db, query }) => {
    const frameworks = await listFrameworks(db, query);
    return Response.json({ count: frameworks.length, frameworks });
  },
);
