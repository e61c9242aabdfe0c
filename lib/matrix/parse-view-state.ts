import { z } from "zod";
import { KINDS, keysOf, REGIONS, STATUSES } from "@/lib/catalog/constants";
import { countryCode, slugSchema } from "@/lib/catalog/schema";
import type { CatalogScope, Notice, SortSpec, ViewState } from "./types";
import { MAX_FILTER_LENGTH, MAX_FRAMEWORKS, type SCOPE_KEYS, SORT_BY_LABEL, SORT_BY_NAME } from "./view-state";

const dimensionKey = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/)
  .max(60);
const groupId = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  .max(80);
const flag = z.enum(["1", "0", "true", "false"]).transform((v) => v === "1" || v === "true");
const sortOf = (item: z.ZodType<string>) =>
  z.string().transform((v, ctx): SortSpec => {
    const desc = v.startsWith("-");
    const by = desc ? v.slice(1) : v;
    if (!item.safeParse(by).success) {
      ctx.addIssue({ code: "custom", message: "is not a sort key" });
      return z.NEVER;
    }
    return { by, desc };
  });

const SCOPE_FIELDS = {
  q: z.string().trim().min(1).max(100),
  kind: z.enum(keysOf(KINDS)),
  region: z.enum(keysOf(REGIONS)),
  status: z.enum(keysOf(STATUSES)),
  country: countryCode,
} as const satisfies Record<(typeof SCOPE_KEYS)[number], z.ZodType>;

const LIST_PARAMS = {
  fw: { schema: slugSchema, what: "framework" },
  fhide: { schema: slugSchema, what: "framework" },
  dorder: { schema: dimensionKey, what: "dimension" },
  dhide: { schema: dimensionKey, what: "dimension" },
  collapsed: { schema: groupId, what: "group" },
} as const;

const KNOWN = new Set([
  ...Object.keys(LIST_PARAMS),
  ...Object.keys(SCOPE_FIELDS),
  "all",
  "transpose",
  "fsort",
  "dsort",
  "filter",
  "diff",
  "equal",
  "virtual",
]);

export type ViewStateInput = string | URLSearchParams | Record<string, string | string[] | undefined>;

function toParams(input: ViewStateInput): Map<string, string[]> {
  const params = new Map<string, string[]>();
  const add = (key: string, value: string) => params.set(key, [...(params.get(key) ?? []), value]);
  if (typeof input === "string" || input instanceof URLSearchParams) {
    const search = typeof input === "string" ? new URLSearchParams(input.replace(/^\?/, "")) : input;
    for (const [key, value] of search) add(key, value);
    return params;
  }
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) add(key, v);
  }
  return params;
}

const dedupe = (items: string[]) => [...new Set(items)];

/**
 * Reads a view state from URL parameters. Never throws: malformed parts fall back to their
 * defaults, and every fallback, ignored parameter or cut selection is reported as a notice.
 * Whether slugs and keys exist in the catalog is checked later, against data (resolveViewState).
 */
export function parseViewState(input: ViewStateInput): { state: ViewState; notices: Notice[] } {
  const params = toParams(input);
  const notices: Notice[] = [];
  const malformed = (message: string) => notices.push({ kind: "malformed", message });
  const single = (key: string) => params.get(key)?.[0];

  const unknown = [...params.keys()].filter((k) => !KNOWN.has(k));
  if (unknown.length)
    notices.push({ kind: "ignored", message: `Ignored unknown URL setting(s): ${unknown.join(", ")}.` });

  const list = (key: keyof typeof LIST_PARAMS): string[] => {
    const { schema, what } = LIST_PARAMS[key];
    const items = (params.get(key) ?? []).flatMap((v) => v.split(",")).map((v) => v.trim());
    const bad = items.filter((v) => v && !schema.safeParse(v).success);
    if (bad.length) malformed(`Ignored malformed ${what} name(s) in “${key}”: ${bad.slice(0, 5).join(", ")}.`);
    return dedupe(items.filter((v) => v && schema.safeParse(v).success));
  };
  const parsed = <T>(key: string, schema: z.ZodType<T>, fallback: T, label: string): T => {
    const raw = single(key);
    if (raw === undefined) return fallback;
    const result = schema.safeParse(raw);
    if (result.success) return result.data;
    malformed(`The ${label} setting “${raw.slice(0, 40)}” was not understood; using the default.`);
    return fallback;
  };

  let frameworks = list("fw");
  let scope: CatalogScope | null = null;
  if (parsed("all", flag, false, "“all frameworks”")) {
    scope = {};
    for (const [field, schema] of Object.entries(SCOPE_FIELDS)) {
      const raw = single(field);
      if (raw === undefined || raw === "") continue;
      const result = schema.safeParse(raw);
      if (result.success) Object.assign(scope, { [field]: result.data });
      else malformed(`The catalog filter ${field}=“${raw.slice(0, 40)}” was not understood and is ignored.`);
    }
    if (frameworks.length) {
      notices.push({ kind: "ignored", message: "The framework list is ignored because all frameworks are compared." });
      frameworks = [];
    }
  }
  if (frameworks.length > MAX_FRAMEWORKS) {
    notices.push({
      kind: "capped",
      message: `Only the first ${MAX_FRAMEWORKS} of the ${frameworks.length} frameworks are compared: a comparison holds at most ${MAX_FRAMEWORKS}.`,
    });
    frameworks = frameworks.slice(0, MAX_FRAMEWORKS);
  }

  let filter = single("filter")?.trim() ?? "";
  if (filter.length > MAX_FILTER_LENGTH) {
    malformed(`The row filter was cut to ${MAX_FILTER_LENGTH} characters.`);
    filter = filter.slice(0, MAX_FILTER_LENGTH);
  }

  const state: ViewState = {
    frameworks,
    scope,
    transpose: parsed("transpose", flag, false, "transpose"),
    dimensionOrder: list("dorder"),
    hiddenDimensions: list("dhide"),
    hiddenFrameworks: list("fhide"),
    collapsedGroups: list("collapsed"),
    frameworkSort: parsed("fsort", sortOf(z.union([dimensionKey, z.literal(SORT_BY_NAME)])), null, "framework order"),
    dimensionSort: parsed("dsort", sortOf(z.union([slugSchema, z.literal(SORT_BY_LABEL)])), null, "dimension order"),
    filter,
    highlightDifferences: parsed("diff", flag, false, "highlight differences"),
    hideEqual: parsed("equal", z.enum(["hide", "show"]), "show", "equal rows") === "hide",
    virtual: parsed("virtual", flag, true, "virtualization"),
  };
  return { state, notices };
}
