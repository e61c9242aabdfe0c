import { organizationClient } from "better-auth/client/plugins";
import { createAuthClient } from "better-auth/react";

/** better-auth's browser client: same-origin calls to /api/auth (rate-limited there). */
export const authClient = createAuthClient({ plugins: [organizationClient()] });

/** A sentence for a failed auth call, including rate limiting. */
export function authErrorMessage(error: { status?: number; message?: string } | null | undefined): string {
  if (!error) return "Something went wrong. Try again.";
  if (error.status === 429) return "Too many attempts. Wait a minute, then try again.";
  return error.message || "Something went wrong. Try again.";
}
