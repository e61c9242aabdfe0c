import type { z } from "zod";
import { AppError, type ErrorCode } from "@/lib/errors";

/** What every server action returns: data, or an error a form can show (never a raw exception). */
export type ActionResult<T = null> =
  | { ok: true; data: T }
  | { ok: false; code: ErrorCode; message: string; fieldErrors?: Record<string, string[]> };

/** Parses action input with a zod schema; a failure becomes an "unprocessable" AppError with field errors. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
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
export async function runAction<T>(body: () => Promise<T>): Promise<ActionResult<T>> {
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
