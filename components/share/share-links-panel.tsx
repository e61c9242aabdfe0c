import { can } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listShareLinks } from "@/lib/shares/queries";
import { ShareLinksManager } from "./share-links-manager";

export type ShareLinksPanelProps = { briefingId: string };

/**
 * Read-only links of a briefing, for people who may share it (owners and editors); renders
 * nothing for others. A server component: mount it in a server page (it loads its own data).
 */
export async function ShareLinksPanel({ briefingId }: ShareLinksPanelProps) {
  const user = await getCurrentUser();
  const db = getDb();
  if (!user || !(await can(db, user, { action: "briefing:share", briefingId }))) return null;
  const links = await listShareLinks(db, briefingId);
  return <ShareLinksManager briefingId={briefingId} links={links} />;
}
