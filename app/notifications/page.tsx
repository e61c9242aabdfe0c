import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { NotificationInbox } from "@/components/notifications/notification-inbox";
import { getCurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { countUnreadNotifications, listNotifications } from "@/lib/notifications/queries";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in?next=/notifications");
  const db = getDb();
  const [page, unread] = await Promise.all([listNotifications(db, user.id), countUnreadNotifications(db, user.id)]);
  return (
    <div className="narrow">
      <h1>Notifications</h1>
      <p>
        What happened in briefings you work on. Choose which of these are e-mailed to you on your{" "}
        <a href="/account#notifications">account page</a>.
      </p>
      <NotificationInbox initial={page.notifications} initialCursor={page.nextCursor} initialUnread={unread} />
    </div>
  );
}
