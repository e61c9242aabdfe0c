import type { z } from "zod";
import { parseInput } from "@/lib/actions";
import { type Db, getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { type ApiCaller, apiCaller } from "./caller";
import { apiErrorResponse } from "./errors";
import { limitApiCall } from "./rate-limit";
import { handleErrors } from "./respond";

export type ApiContext = { request: Request; db: Db; caller: ApiCaller; params: Record<string, string> };

/**
 * Wraps a /api/v1 route handler: authenticates (token or cookie), counts the call against the
 * rate limit, runs the body and turns every thrown error into the API's error format. The body
 * then parses its input and authorizes through `can()`/`authorize()`.
 */
export function apiRoute(body: (context: ApiContext) => Promise<Response>) {
  return handleErrors(apiErrorResponse, async (request, params) => {
    const db = getDb();
    const caller = await apiCaller(db, request.headers);
    await limitApiCall(db, caller.rateKey);
    return body({ request, db, caller, params });
  });
}

/**
 * Parses a JSON request body with a zod schema; a body not declared as JSON, unreadable JSON and
 * bad fields are 400s. Requiring `Content-Type: application/json` means a browser on another site
 * cannot send the body without a CORS preflight (which is never granted), so a session cookie
 * cannot be ridden into a write with a plain form post.
 */
export async function parseJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") {
    const message = "Send the body as JSON with Content-Type: application/json.";
    throw new AppError("bad_request", message, { body: [message] });
  }
  let json: unknown;
  try {
    json = await request.json();
  } catch {
    throw new AppError("bad_request", "The request body must be a JSON object.", { body: ["must be JSON"] });
  }
  return parseInput(schema, json);
}

/** Parses query parameters with a zod schema (as an object of strings); bad ones are 400s. */
export function parseQuery<S extends z.ZodType>(request: Request, schema: S): z.infer<S> {
  return parseInput(schema, Object.fromEntries(new URL(request.url).searchParams));
}
