import { getFramework } from "@/lib/catalog/queries";
import { slugSchema } from "@/lib/catalog/schema";
import { getDb } from "@/lib/db";
import { AppError, errorResponse } from "@/lib/errors";

export const dynamic = "force-dynamic";

/** GET /api/frameworks/:slug — the framework with members and cited values. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  try {
    const { slug } = await params;
    const parsed = slugSchema.safeParse(slug);
    if (!parsed.success) {
      const shown = slug.length > 60 ? `${slug.slice(0, 60)}…` : slug;
      throw new AppError("bad_request", `"${shown}" is not a valid framework slug.`);
    }
    const framework = await getFramework(getDb(), parsed.data);
    if (!framework) throw new AppError("not_found", `No framework with slug "${parsed.data}".`);
    return Response.json(framework);
  } catch (error) {
    return errorResponse(error);
  }
}
