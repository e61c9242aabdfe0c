import { expect } from "vitest";
import type { ActionResult } from "@/lib/actions";
import { ERROR_STATUS } from "@/lib/errors";

/** A string far beyond every length limit of the app's schemas. */
export const OVERSIZED = "x".repeat(100_001);

/** One malformed input and a description for failure messages. */
export type BadInput = [label: string, input: unknown];

/** What a server action is called with in the table-driven bad-input tests. */
export type ActionSpec = {
  action: (input: unknown) => Promise<ActionResult<unknown>>;
  /** An input the action would accept (so every case differs from a good one in one way). */
  valid: () => Record<string, unknown>;
  /** Fields that may not be missing. */
  required: string[];
  /** More bad inputs specific to the action: wrong types, out-of-range values, unknown ids. */
  cases?: (valid: Record<string, unknown>) => BadInput[];
};

const without = (input: Record<string, unknown>, key: string) => {
  const copy = { ...input };
  delete copy[key];
  return copy;
};

/**
 * The generic malformed inputs of an action: not an object at all, an empty object, the fields
 * only reachable through prototype keys, and per required field: missing, an object, a huge string,
 * a string holding NUL (which PostgreSQL cannot store), a string holding a lone UTF-16 surrogate (no
 * UTF-8 encoding; Prisma fails on it).
 */
export function genericBadInputs(spec: ActionSpec): BadInput[] {
  const valid = spec.valid();
  const json = JSON.stringify(valid);
  const cases: BadInput[] = [
    ["null", null],
    ["undefined", undefined],
    ["a number", 42],
    ["a string", json],
    ["a boolean", true],
    ["an empty array", []],
    ["an array holding the fields", [valid]],
    ["fields under an own __proto__ key", JSON.parse(`{"__proto__": ${json}}`)],
    ["fields under constructor.prototype", JSON.parse(`{"constructor": {"prototype": ${json}}}`)],
    ["fields inherited from a prototype", Object.create(valid)],
  ];
  if (spec.required.length) cases.push(["an empty object", {}]);
  for (const key of spec.required) {
    cases.push([`${key} missing`, without(valid, key)]);
    cases.push([`${key} an object`, { ...valid, [key]: { nested: valid[key] } }]);
    cases.push([`${key} oversized`, { ...valid, [key]: OVERSIZED }]);
    cases.push([`${key} with a NUL byte`, { ...valid, [key]: "a\u0000b" }]);
    cases.push([`${key} with a lone surrogate`, { ...valid, [key]: "a\ud800b" }]);
  }
  return [...cases, ...(spec.cases?.(valid) ?? [])];
}

const CLIENT_ERRORS = Object.entries(ERROR_STATUS)
  .filter(([, status]) => status >= 400 && status < 500)
  .map(([code]) => code);

/**
 * A refusal as a person should see it: not ok, a 4xx code, and a short sentence that does not
 * leak internals (stack frames, database or zod jargon, "[object Object]").
 */
export function expectClientError(result: ActionResult<unknown>, label: string): void {
  expect.soft(result.ok, `${label}: accepted`).toBe(false);
  if (result.ok) return;
  expect.soft(CLIENT_ERRORS, `${label}: code ${result.code} (${result.message})`).toContain(result.code);
  expectHumanMessage(result.message, label);
}

/** A message a person can read: a short sentence without internals. */
export function expectHumanMessage(message: unknown, label: string): void {
  expect.soft(typeof message, `${label}: message`).toBe("string");
  const text = String(message);
  expect.soft(text.length, `${label}: message length of "${text.slice(0, 80)}"`).toBeGreaterThan(3);
  expect.soft(text.length, `${label}: message length of "${text.slice(0, 80)}"`).toBeLessThan(300);
  expect
    .soft(text, label)
    .not.toMatch(
      /\[object |undefined|NaN|Invalid input|expected \w+, received|\bat .+:\d+|prisma|sql|stack|TypeError|Cannot read/i,
    );
}

/** Object.prototype must not have gained anything. */
export function expectNoPollution(label: string): void {
  const probe = {} as Record<string, unknown>;
  for (const key of ["polluted", "isAdmin", "catalogEditor", "title", "role", "briefingId", "name"]) {
    expect.soft(probe[key], `${label}: Object.prototype.${key}`).toBeUndefined();
  }
}
