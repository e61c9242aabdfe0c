import { AppError } from "@/lib/errors";

/** The body of every /api/v1 error: a code, a message, and for bad input the messages per field. */
export type ApiErrorBody = { error: { code: string; message: string; fields?: Record<string, string[]> } };

// Bad-input details come as { field: messages[] } (parseInput) or as [{ param, message }] (the
// older query parsers of the catalog and matrix routes); the API shows both as `fields`.
function fieldsOf(details: unknown): Record<string, string[]> | undefined {
  if (!details || typeof details !== "object") return undefined;
  if (!Array.isArray(details)) return details as Record<string, string[]>;
  const fields: Record<string, string[]> = {};
  for (const item of details as { param?: unknown; message?: unknown }[]) {
    const key = typeof item?.param === "string" ? item.param : "query";
    fields[key] = [...(fields[key] ?? []), String(item?.message ?? "is invalid")];
  }
  return fields;
}

/**
 * Turns any thrown value into the public API's error response. Bad input is always 400
 * `bad_request` with `fields` (parseInput reports it as "unprocessable", the form code); 429 and
 * 503 carry Retry-After (added by `handleErrors`, lib/api/respond.ts). Unexpected errors are
 * logged, never shown raw.
 */
export function apiErrorResponse(error: unknown): Response {
  if (!(error instanceof AppError)) {
    console.error(error);
    return Response.json(
      { error: { code: "internal", message: "Something went wrong on our side." } } satisfies ApiErrorBody,
      { status: 500 },
    );
  }
  const badInput = error.code === "unprocessable" || error.code === "bad_request";
  const body: ApiErrorBody = {
    error: {
      code: badInput ? "bad_request" : error.code,
      message: error.message,
      ...(badInput && fieldsOf(error.details) ? { fields: fieldsOf(error.details) } : {}),
    },
  };
  return Response.json(body, { status: badInput ? 400 : error.status });
}
