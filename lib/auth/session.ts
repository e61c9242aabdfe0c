import { headers } from "next/headers";
import { cache } from "react";
import { AppError } from "@/lib/errors";
import { type CurrentUser, getUserFromHeaders } from "./user";

export type { CurrentUser };
export { getUserFromHeaders };

/** The signed-in user of the current request (pages and server actions), or null. Cached per request. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => getUserFromHeaders(await headers()));

/** The signed-in user, or an "unauthorized" AppError. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("unauthorized", "Sign in to continue.");
  return user;
}
