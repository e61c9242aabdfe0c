import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { authorize, type Permission } from "@/lib/auth/permissions";
import { type CurrentUser, requireUser } from "@/lib/auth/session";
import { type Db, getDb } from "@/lib/db";
import { AppError, type ErrorCode } from "@/lib/errors";
import { findUnstorableText, inputErrorMap } from "@/lib/input";

/** What every server action returns: data, or an error a form can show (never a raw exception). */
export type ActionResult<T = null> =
  | { ok: true; data: T }
  | { ok: false; code: ErrorCode; message: string; fieldErrors?: Record<string, string[]> };

/**
 * A plain object as server actions receive one (React decodes the arguments into plain objects).
 * Anything else is refused before parsing: zod reads fields through the prototype chain, so an
 * object that only inherits the fields would pass.
 */
function isPlainObject(input: unknown): input is Record<string, unknown> {
  if (input === null || typeof input !== "object") return false;
  const prototype = Object.getPrototypeOf(input);
  return prototype === Object.prototype || prototype === null;
}

/**
 * Parses action input with a zod schema; a failure becomes an "unprocessable" AppError whose
 * message names the first offending field ("title: must be at most 200 characters") and whose
 * details hold every field's messages. Text holding NUL or a lone surrogate is refused up front,
 * for every field.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  if (!isPlainObject(input)) {
    const message = "The request did not carry the form's fields.";
    throw new AppError("unprocessable", message, { form: [message] });
  }
  const bad = findUnstorableText(input);
  if (bad) {
    const field = bad.path.join(".") || "form";
    throw new AppError("unprocessable", `${field}: ${bad.message}`, { [field]: [bad.message] });
  }
  const parsed = schema.safeParse(input, { error: inputErrorMap });
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.join(".") || "form";
    fieldErrors[key] = [...(fieldErrors[key] ?? []), issue.message];
  }
  const first = parsed.error.issues[0];
  const where = first?.path.length ? `${first.path.join(".")}: ` : "";
  throw new AppError("unprocessable", `${where}${first?.message ?? "Invalid input."}`, fieldErrors);
}

/** Runs an action body and turns thrown errors into an ActionResult; unexpected errors are logged. */
async function runAction<T>(body: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await body() };
  } catch (error) {
    if (error instanceof AppError) {
      const fieldErrors =
        error.code === "unprocessable" && error.details && typeof error.details === "object"
          ? (error.details as Record<string, string[]>)
          : undefined;
      return { ok: false, code: error.code, message: error.message, fieldErrors };
    }
    // Next's redirect()/notFound() work by throwing; let them through.
    if (error && typeof error === "object" && "digest" in error) throw error;
    console.error(error);
    return { ok: false, code: "internal", message: "Something went wrong on our side. Nothing was saved." };
  }
}

/** What an action's write step receives: the signed-in user, the parsed input and the database. */
export type ActionContext<D> = { user: CurrentUser; data: D; db: Db };

/**
 * What the caller must be allowed: a Permission (checked through `authorize()`, so through
 * `can()`), or "signed-in" for actions on the user's own things (their tokens, their account,
 * their access requests), which the write step then scopes to `user.id`.
 */
export type Requirement = Permission | "signed-in";

type ActionOptions<S extends z.ZodType, T> = {
  schema: S;
  /**
   * The requirement, from the parsed input. It may be async and read the database when the
   * permission depends on a row (the team an invitation belongs to); it may also throw an
   * AppError for rules that are not a Permission (who may accept an invitation).
   */
  permission:
    | ((data: z.infer<S>, context: { user: CurrentUser; db: Db }) => Requirement | Promise<Requirement>)
    | "signed-in";
  /** Paths to revalidate after a successful write; `granted` is what was authorized. */
  revalidate?: (data: z.infer<S>, result: NoInfer<T>, granted: Requirement) => string[];
};

/**
 * Defines a server action in the one order every action follows: authenticate -> parse ->
 * authorize -> write -> revalidate; errors become an ActionResult. The write step cannot run
 * before the permission was granted, because it is only reached through here. A write that must
 * be audited records its change inside its own transaction (lib/catalog/audit.ts).
 *
 *   export const renameBriefing = defineAction(
 *     { schema: renameBriefingSchema, permission: (d) => ({ action: "briefing:edit", briefingId: d.briefingId }) },
 *     async ({ data, db }) => { ... },
 *   );
 */
export function defineAction<S extends z.ZodType, T>(
  options: ActionOptions<S, T>,
  write: (context: ActionContext<z.infer<S>>) => Promise<T>,
): (input: unknown) => Promise<ActionResult<T>> {
  return async (input: unknown) =>
    runAction(async () => {
      const user = await requireUser();
      const data = parseInput(options.schema, input);
      const db = getDb();
      const granted = options.permission === "signed-in" ? "signed-in" : await options.permission(data, { user, db });
      if (granted !== "signed-in") await authorize(db, user, granted);
      const result = await write({ user, data, db });
      for (const path of options.revalidate?.(data, result, granted) ?? []) revalidatePath(path);
      return result;
    });
}
