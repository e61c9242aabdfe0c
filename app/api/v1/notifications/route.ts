import { apiRoute, parseQuery } from "@/lib/api/handler";
import { apiListNotifications } from "@/lib/api/notifications";
import { listNotificationsQuery } from "@/lib/notifications/schema";

export const dynamic = "force-dynamic";

/** GET /api/v1/notifications[?unread=true][&cursor=<id>][&limit=n] — the caller's inbox, newest first. */
export const GET = apiRoute(async ({ request, db, caller }) => {
  const query = parseQuery(request, listNotificationsQuery);
  return Response.json(await apiListNotifications(db, caller, query));
});
