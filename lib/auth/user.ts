import { type Db, getDb } from "@/lib/db";
import { getAuth } from "./auth";

// No Next.js imports here: the collaboration server (server/, outside Next's request context)
// authenticates websocket upgrades with this module.

export type CurrentUser = {
  id: string;
  name: string;
  email: string;
  /** The address was verified (mailed link, an administrator, or the first account). */
  emailVerified: boolean;
  isAdmin: boolean;
  catalogEditor: boolean;
};

/** The signed-in user for a request's headers (session cookie), or null. */
export async function getUserFromHeaders(requestHeaders: Headers, db: Db = getDb()): Promise<CurrentUser | null> {
  return (await getSessionFromHeaders(requestHeaders, db))?.user ?? null;
}

/** The signed-in user and when their session expires (epoch ms), or null. */
export async function getSessionFromHeaders(
  requestHeaders: Headers,
  db: Db = getDb(),
): Promise<{ user: CurrentUser; expiresAt: number } | null> {
  const session = await getAuth(db).api.getSession({ headers: requestHeaders });
  if (!session) return null;
  const { id, name, email, emailVerified, isAdmin, catalogEditor } = session.user as typeof session.user & {
    isAdmin?: boolean;
    catalogEditor?: boolean;
  };
  const user = {
    id,
    name,
    email,
    emailVerified: emailVerified === true,
    isAdmin: isAdmin === true,
    catalogEditor: catalogEditor === true,
  };
  return { user, expiresAt: new Date(session.session.expiresAt).getTime() };
}
