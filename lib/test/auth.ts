import type { Auth } from "@/lib/auth/auth";
import type { Db } from "@/lib/db";

export const TEST_PASSWORD = "correct horse battery";

export type TestUser = { id: string; email: string; headers: Headers };

/**
 * Signs a user up and in through better-auth and returns request headers carrying their session
 * cookie. The address is verified (as by the mailed link) unless `verified: false`.
 */
export async function signUp(
  auth: Auth,
  name: string,
  email = `${name.toLowerCase().replace(/\W+/g, ".")}@example.org`,
  { verified = true }: { verified?: boolean } = {},
): Promise<TestUser> {
  const { user } = await auth.api.signUpEmail({ body: { name, email, password: TEST_PASSWORD } });
  if (verified && !user.emailVerified) {
    await (await auth.$context).internalAdapter.updateUser(user.id, { emailVerified: true });
  }
  const { headers } = await auth.api.signInEmail({ body: { email, password: TEST_PASSWORD }, returnHeaders: true });
  const cookie = headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return { id: user.id, email, headers: new Headers({ cookie }) };
}

/** Points the app's process-wide client (used by server actions and route handlers) at a test database. */
export function useTestDb(db: Db): void {
  (globalThis as { __db?: Db }).__db = db;
}
