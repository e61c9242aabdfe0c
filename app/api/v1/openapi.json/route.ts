import { appUrl } from "@/lib/auth/auth";
import { openApiDocument } from "@/lib/api/openapi";
import { apiErrorResponse } from "@/lib/api/errors";

export const dynamic = "force-dynamic";

/** GET /api/v1/openapi.json — the API's description; public, like docs/api.md. */
export async function GET() {
  try {
    return Response.json(openApiDocument(appUrl()));
  } catch (error) {
    return apiErrorResponse(error);
  }
}
