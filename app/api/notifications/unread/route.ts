import { getUserFromHeaders } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { AppError, errorResponse } from "@/lib/errors";
import { countUnreadNotifications } from "@/lib/notifications/queries";

export const dynamic = "force-dynamic";

/** GET /api/notifications/unread — `{ unreadCount }` for the header's bell (polled, so one count query). */
export async function GET(request: Request) {
  try {
    const user = await getUserFromHeaders(request.headers);
    if (!user) throw new AppError("unauthorized", "Sign in to continue.");
    const unreadCount = await countUnreadNotifications(getDb(), user.id);
    return Response.json({ unreadCount }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
