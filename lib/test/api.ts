import type { TokenScope } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db";
import { createApiToken } from "@/lib/tokens/store";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Creates a personal access token for a user and returns its secret as a Bearer header. */
export async function bearer(db: Db, userId: string, scope: TokenScope, name = `${scope} token`) {
  const token = await createApiToken(db, { userId, name, scope });
  return { ...token, headers: new Headers({ authorization: `Bearer ${token.secret}` }) };
}

/**
 * Calls a route handler like Next does: `path` under http://localhost, optional JSON body, and the
 * dynamic segments as params.
 */
export function callRoute(
  handler: unknown,
  method: string,
  path: string,
  options: { headers?: Headers; json?: unknown; body?: string; params?: Record<string, string> } = {},
): Promise<Response> {
  const headers = new Headers(options.headers);
  let body: string | undefined = options.body;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers.set("content-type", "application/json");
  }
  return (handler as Handler)(new Request(`http://localhost${path}`, { method, headers, body }), {
    params: Promise.resolve(options.params ?? {}),
  });
}
