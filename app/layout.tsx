import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { UserMenu } from "@/components/auth/user-menu";
import { SiteMenu } from "@/components/layout/site-menu";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { getCurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { countUnreadNotifications } from "@/lib/notifications/queries";
import "./globals.css";
import "./notifications.css";
import "./site-header.css";

export const metadata: Metadata = {
  title: { default: "Briefing editor", template: "%s · Briefing editor" },
  description: "A cited catalog of defence-cooperation frameworks, comparison matrices and collaborative briefings.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  const unread = user ? await countUnreadNotifications(getDb(), user.id) : 0;
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <div className="site-header__inner">
            <Link href="/" className="brand">
              <span aria-hidden="true" className="brand__mark">
                ◆
              </span>{" "}
              Briefing editor
            </Link>
            <SiteMenu>
              <nav aria-label="Main">
                <ul className="nav">
                  {/* No prefetch of the two heavy pages (the whole catalog, the matrix): rendering
                      them on every page's idle time costs the server most of a second each and
                      competes with the page the user is on; they load on click. */}
                  <li>
                    <Link href="/frameworks" prefetch={false}>
                      Frameworks
                    </Link>
                  </li>
                  <li>
                    <Link href="/compare" prefetch={false}>
                      Compare
                    </Link>
                  </li>
                  {user ? (
                    <>
                      <li>
                        <Link href="/briefings">Briefings</Link>
                      </li>
                      <li>
                        <Link href="/teams">Teams</Link>
                      </li>
                    </>
                  ) : null}
                </ul>
              </nav>
              <UserMenu user={user} />
            </SiteMenu>
            {user ? <NotificationBell initialUnread={unread} /> : null}
          </div>
        </header>
        <main id="main" className="page">
          {children}
        </main>
        <footer className="site-footer">Catalog facts carry their sources; check them before you cite them.</footer>
      </body>
    </html>
  );
}
