import { cache } from "react";
import { getOwnAccessRequest, type OwnAccessRequest } from "@/lib/access-requests/queries";
import { type Db, getDb } from "@/lib/db";
import { getActorBriefingRole, type UserActor } from "./permissions";
import type { BriefingRole } from "./roles";
import { type CurrentUser, getCurrentUser } from "./session";

/**
 * What the briefing page may show a signed-in user: the briefing with their role; "no-access" for
 * a briefing that exists but that they cannot read (it reveals existence, never the title or the
 * owner, like Google Docs, so that they can ask for access); "not-found" otherwise (a deleted
 * briefing is not-found for everyone but its owner, who may restore it).
 */
export type BriefingPageAccess =
  | { kind: "granted"; role: BriefingRole; title: string; deletedAt: Date | null }
  | { kind: "no-access"; request: OwnAccessRequest | null }
  | { kind: "not-found" };

/** Resolves the page access of one user to one briefing: the role is worked out once, here. */
export async function resolveBriefingPageAccess(
  db: Db,
  user: UserActor,
  briefingId: string,
): Promise<BriefingPageAccess> {
  const [role, briefing] = await Promise.all([
    getActorBriefingRole(db, user, briefingId),
    db.briefing.findUnique({ where: { id: briefingId }, select: { title: true, deletedAt: true } }),
  ]);
  if (!briefing) return { kind: "not-found" };
  if (role) return { kind: "granted", role, title: briefing.title, deletedAt: briefing.deletedAt };
  if (briefing.deletedAt) return { kind: "not-found" };
  return { kind: "no-access", request: await getOwnAccessRequest(db, user.id, briefingId) };
}

/**
 * The current request's user and their access to a briefing, computed once per request (React
 * cache) however many server components of the page ask. user null = signed out.
 */
export const getBriefingPageAccess = cache(
  async (briefingId: string): Promise<{ user: CurrentUser | null; access: BriefingPageAccess }> => {
    const user = await getCurrentUser();
    if (!user) return { user, access: { kind: "not-found" } };
    return { user, access: await resolveBriefingPageAccess(getDb(), user, briefingId) };
  },
);
