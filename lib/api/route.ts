import type { z } from "zod";
import { type CurrentUser, getUserFromHeaders } from "@/lib/auth/user";
import { type Db, getDb } from "@/lib/db";
import { AppError, errorResponse } from "@/lib/errors";
import { handleErrors } from "./respond";

/** What a route body receives: the actor, the parsed path and query parameters and the database. */
export type RouteContext<A, P, Q> = { request: Request; db: Db; actor: A; params: P; query: Q };

type Input<T> = {
  schema: z.ZodType<T>;
  /** The error for input that does not parse; by default a 400 naming each bad parameter. */
  invalid?: (raw: Record<string, string>) => AppError;
};

type RouteOptions<Auth extends AuthMode, P, Q> = {
  /**
   * Who may call: "user" needs a signed-in user (401 otherwise); "optional" resolves the session
   * and leaves a signed-out caller to the body's `can()`/`authorize()`; "public" looks nobody up
   * (the catalog, or a share token in the path that is itself the credential).
   */
  auth: Auth;
  params?: Input<P>;
  query?: Input<Q>;
};

type AuthMode = "user" | "optional" | "public";
type ActorOf<Auth extends AuthMode> = Auth extends "user"
  ? CurrentUser
  : Auth extends "optional"
    ? CurrentUser | null
    : null;

function parse<T>(input: Input<T> | undefined, raw: Record<string, string>, where: "path" | "query"): T {
  if (!input) return raw as T;
  const parsed = input.schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  if (input.invalid) throw input.invalid(raw);
  const details = parsed.error.issues.map((i) => ({ param: i.path.join(".") || `(${where})`, message: i.message }));
  throw new AppError("bad_request", `Invalid ${where} parameters.`, details);
}

/**
 * Wraps one of the app's own route handlers (not the public /api/v1, which has `apiRoute`) in the
 * fixed order: authenticate (the actor) -> parse path and query parameters with zod -> the body,
 * which authorizes through `can()`/`authorize()` (or a query that does) and responds. Every
 * thrown error becomes `{ error: { code, message, details } }` with its status, once, here.
 *
 *   export const GET = route(
 *     { auth: "optional", params: { schema: z.object({ id: briefingId }) } },
 *     async ({ db, actor, params }) => Response.json(await getBriefingForActor(db, actor, params.id)),
 *   );
 */
export function route<Auth extends AuthMode, P = Record<string, string>, Q = Record<string, string>>(
  options: RouteOptions<Auth, P, Q>,
  body: (context: RouteContext<ActorOf<Auth>, P, Q>) => Promise<Response>,
) {
  return handleErrors(errorResponse, async (request, rawParams) => {
    const db = getDb();
    let actor: CurrentUser | null = null;
    if (options.auth !== "public") {
      actor = await getUserFromHeaders(request.headers, db);
      if (!actor && options.auth === "user") throw new AppError("unauthorized", "Sign in to continue.");
    }
    const params = parse(options.params, rawParams, "path");
    const query = parse(options.query, Object.fromEntries(new URL(request.url).searchParams), "query");
    return body({ request, db, actor: actor as ActorOf<Auth>, params, query });
  });
}
