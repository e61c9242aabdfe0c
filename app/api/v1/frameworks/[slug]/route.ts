import { apiGetFramework } from "@/lib/api/catalog";
import { apiRoute } from "@/lib/api/handler";

export const dynamic = "force-dynamic";

/** GET /api/v1/frameworks/:slug — one framework with members and cited values. */
export const GET = apiRoute(async ({ db, params }) => Response.json(await apiGetFramework(db, params.slug)));
