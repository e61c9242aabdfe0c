import { APIError, createAuthMiddleware } from "better-auth/api";
import { passwordWeakness } from "./password-strength";

/** better-auth endpoints that set a password, and the body field holding the new one. */
const NEW_PASSWORD_FIELD: Record<string, string> = {
  "/sign-up/email": "password",
  "/change-password": "newPassword",
  "/reset-password": "newPassword",
};

/**
 * better-auth "before" hook: refuses a weak new password with 400 and a sentence saying why, on
 * every endpoint that sets one (the app's forms and direct calls alike).
 */
export const checkNewPassword = createAuthMiddleware(async (ctx) => {
  const field = NEW_PASSWORD_FIELD[ctx.path];
  if (!field) return;
  const password = (ctx.body as Record<string, unknown> | undefined)?.[field];
  if (typeof password !== "string") return; // better-auth's own validation answers that
  const weakness = passwordWeakness(password);
  if (weakness) throw new APIError("BAD_REQUEST", { message: weakness, code: "PASSWORD_TOO_WEAK" });
});
