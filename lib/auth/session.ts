import { headers } from "next/headers";
import { cache } from "react";
import { type Db, getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getAuth } from "./auth";

export type CurrentUser = { id: string; name: string; email: string; isAdmin: boolean; catalogEditor: boolean };

/** The signed-in user for a request's headers (session cookie), or null. */
export async function getUserFromHeaders(requestHeaders: Headers, db: Db = getDb()): Promise<CurrentUser | null> {
  const session = await getAuth(db).api.getSession({ headers: requestHeaders });
  if (!session) return null;
  const { id, name, email, isAdmin, catalogEditor } = session.user as typeof session.user & {
    isAdmin?: boolean;
    catalogEditor?: boolean;
  };
  return { id, name, email, isAdmin: isAdmin === true, catalogEditor: catalogEditor === true };
}

/** The signed-in user of the current request (pages and server actions), or null. Cached per request. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => getUserFromHeaders(await headers()));

/** The signed-in user, or an "unauthorized" AppError. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("unauthorized", "Sign in to continue.");
  return user;
}
