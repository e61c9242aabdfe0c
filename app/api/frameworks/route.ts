import { listFrameworks } from "@/lib/catalog/queries";
import { frameworkFiltersSchema } from "@/lib/catalog/schema";
import { getDb } from "@/lib/db";
import { AppError, errorResponse } from "@/lib/errors";

export const dynamic = "force-dynamic";

/** GET /api/frameworks?q=&kind=&region=&status=&country= */
export async function GET(request: Request) {
  try {
    const params = Object.fromEntries(new URL(request.url).searchParams);
    const parsed = frameworkFiltersSchema.strict().safeParse(params);
    if (!parsed.success) {
      const details = parsed.error.issues.map((i) => ({ param: i.path.join(".") || "(query)", message: i.message }));
      throw new AppError("bad_request", "Invalid query parameters.", details);
    }
    const frameworks = await listFrameworks(getDb(), parsed.data);
    return Response.json({ count: frameworks.length, frameworks });
  } catch (error) {
    return errorResponse(error);
  }
}
