import { z } from "zod";
import { KINDS, keysOf, REGIONS, STATUSES } from "@/lib/catalog/constants";
import { countryCode, slugSchema } from "@/lib/catalog/schema";
import type { CatalogScope, Notice, SortSpec, ViewState } from "./types";

/** The most frameworks a hand-picked comparison holds (columns stay readable, URLs stay short). */
export const MAX_FRAMEWORKS = 50;
/** Longest row filter text kept. */
export const MAX_FILTER_LENGTH = 100;
/** Sort keys that are not a dimension or a framework (neither can start with "_"). */
export const SORT_BY_NAME = "_name";
export const SORT_BY_LABEL = "_label";

/** A fresh default view state (nothing selected). */
export const defaultViewState = (): ViewState => ({
  frameworks: [],
  scope: null,
  transpose: false,
  dimensionOrder: [],
  hiddenDimensions: [],
  hiddenFrameworks: [],
  collapsedGroups: [],
  frameworkSort: null,
  dimensionSort: null,
  filter: "",
  highlightDifferences: false,
  hideEqual: false,
  virtual: true,
});

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

/** Lower-case, hyphenated id of a dimension group, as the URL carries it ("Capabilities and industry" -> "capabilities-and-industry"). */
export function groupIdOf(group: string): string {
  return (
    group
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "group"
  );
}

const SCOPE_FIELDS = {
  q: z.string().trim().min(1).max(100),
  kind: z.enum(keysOf(KINDS)),
  region: z.enum(keysOf(REGIONS)),
  status: z.enum(keysOf(STATUSES)),
  country: countryCode,
} as const;

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

const enc = (v: string) => encodeURIComponent(v);
const encList = (items: string[]) => items.map(enc).join(",");
const encSort = (s: SortSpec) => `${s.desc ? "-" : ""}${s.by}`;

/**
 * The canonical query string of a view state (no leading "?"): defaults are left out and
 * parameters come in a fixed order, so equal states give equal strings. Lists keep literal commas.
 */
export function serializeViewState(state: ViewState): string {
  const parts: string[] = [];
  const put = (key: string, value: string | null | false | undefined) => {
    if (value) parts.push(`${key}=${value}`);
  };
  if (state.scope) {
    put("all", "1");
    for (const field of Object.keys(SCOPE_FIELDS) as (keyof CatalogScope)[]) {
      const value = state.scope[field];
      if (value) put(field, enc(value));
    }
  } else put("fw", encList(state.frameworks));
  put("transpose", state.transpose && "1");
  put("fsort", state.frameworkSort && encSort(state.frameworkSort));
  put("dsort", state.dimensionSort && encSort(state.dimensionSort));
  put("dorder", encList(state.dimensionOrder));
  put("dhide", encList(state.hiddenDimensions));
  put("fhide", encList(state.hiddenFrameworks));
  put("collapsed", encList(state.collapsedGroups));
  put("filter", state.filter && enc(state.filter));
  put("diff", state.highlightDifferences && "1");
  put("equal", state.hideEqual && "hide");
  put("virtual", !state.virtual && "0");
  return parts.join("&");
}

/** True when the view compares something (a list or a catalog scope). */
export function hasSelection(state: ViewState): boolean {
  return state.scope !== null || state.frameworks.length > 0;
}
