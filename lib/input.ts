import type { z } from "zod";
import { isWellFormed } from "@/lib/well-formed";

const TYPE_NAMES: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "a group of fields",
  date: "a date",
};

const FORMATS: Record<string, string> = {
  email: "must be an e-mail address",
  url: "must be a URL",
  regex: "has the wrong format",
};

function sizeMessage(issue: { origin: string; minimum?: unknown; maximum?: unknown }, bound: "at least" | "at most") {
  const limit = Number(bound === "at least" ? issue.minimum : issue.maximum);
  if (issue.origin === "string") {
    if (bound === "at least" && limit === 1) return "must not be empty";
    return `must be ${bound} ${limit} character${limit === 1 ? "" : "s"}`;
  }
  if (issue.origin === "array" || issue.origin === "set")
    return `must have ${bound} ${limit} item${limit === 1 ? "" : "s"}`;
  return `must be ${bound} ${limit}`;
}

/**
 * Plain-language messages for zod's generic issues ("is required", "must be text", "must be at
 * most 64 characters"), given per parse: a message written in a schema still wins. Zod's own
 * defaults ("Invalid input: expected string, received undefined") read like a stack trace to a
 * person filling in a form.
 */
export const inputErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return "is required";
      return `must be ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case "too_big":
      return sizeMessage(issue, "at most");
    case "too_small":
      return sizeMessage(issue, "at least");
    case "invalid_value": {
      const values = issue.values.map((v) => JSON.stringify(v));
      return values.length <= 12 ? `must be one of ${values.join(", ")}` : "is not one of the allowed values";
    }
    case "invalid_format":
      return FORMATS[issue.format] ?? `must be a valid ${issue.format}`;
    case "invalid_union":
      return "has a value of the wrong type";
    case "unrecognized_keys":
      return `has unknown field${issue.keys.length === 1 ? "" : "s"} ${issue.keys.join(", ").slice(0, 100)}`;
    case "custom":
      return "is not valid";
    default:
      return undefined;
  }
};

/** PostgreSQL cannot store NUL in text (the write fails), and no text of this app needs one. */
export const hasNoNul = (value: string) => !value.includes("\u0000");

/** Text no field accepts: NUL (PostgreSQL cannot store it), lone UTF-16 surrogates (no UTF-8 form). */
export function unstorableText(value: string): string | null {
  if (!hasNoNul(value)) return "must not contain NUL characters.";
  if (!isWellFormed(value)) return "must be plain text (it holds an invalid character).";
  return null;
}

/**
 * The first string inside `input` (plain objects and arrays, a few levels deep) that holds text no
 * field accepts (see unstorableText): its path and why, or null when there is none.
 */
export function findUnstorableText(
  input: unknown,
  path: (string | number)[] = [],
  depth = 0,
): { path: (string | number)[]; message: string } | null {
  if (typeof input === "string") {
    const message = unstorableText(input);
    return message ? { path, message } : null;
  }
  if (depth > 8 || input === null || typeof input !== "object") return null;
  const entries: [string | number, unknown][] = Array.isArray(input)
    ? input.map((v, i) => [i, v])
    : Object.entries(input);
  for (const [key, value] of entries) {
    const found = findUnstorableText(value, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}
