import { apiRoute, parseJsonBody } from "@/lib/api/handler";
import { apiMarkNotificationsRead } from "@/lib/api/notifications";
import { markReadSchema } from "@/lib/notifications/schema";

export const dynamic = "force-dynamic";

/** POST /api/v1/notifications/read `{ "ids": [...] }` or `{ "all": true }` — marks them read. */
export const POST = apiRoute(async ({ request, db, caller }) => {
  const input = await parseJsonBody(request, markReadSchema);
  return Response.json(await apiMarkNotificationsRead(db, caller, input));
});
