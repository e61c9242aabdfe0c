import { z } from "zod";
import { route } from "@/lib/api/route";
import { getFramework } from "@/lib/catalog/queries";
import { slugSchema } from "@/lib/catalog/schema";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

/** GET /api/frameworks/:slug — the framework with members and cited values. */
export const GET = route(
  {
    auth: "public",
    params: {
      schema: z.object({ slug: slugSchema }),
      invalid: ({ slug = "" }) => {
        const shown = slug.length > 60 ? `${slug.slice(0, 60)}…` : slug;
        return new AppError("bad_request", `"${shown}" is not a valid framework slug.`);
      },
    },
  },
  async ({ db, params }) => {
    const framework = await getFramework(db, params.slug);
    if (!framework) throw new AppError("not_found", `No framework with slug "${params.slug}".`);
    return Response.json(framework);
  },
);
