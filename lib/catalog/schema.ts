import { z } from "zod";
import { hasNoNul } from "@/lib/input";
import { KINDS, keysOf, MEMBER_STATUSES, REGIONS, ROLES, STATUSES, VALUE_TYPES, type ValueType } from "./constants";
import { COUNTRIES } from "./countries";
import { normalizeDate, notBefore, parseDate } from "./dates";
import { checkSourceUrl, inferSourceType, isSourceType, SOURCE_TYPES, sourceRefusal } from "./source-policy";

/** A calendar date "YYYY-MM-DD" that exists (day precision only: access dates, review dates). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD")
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
  }, "is not a real calendar date");

/**
 * A catalog date at its known precision: "1949-08-24", "2007-05", "1948", approximate "1956~"
 * (also written "c. 1956"), normalized to the canonical text (lib/catalog/dates.ts).
 */
export const catalogDate = z
  .string()
  .transform(normalizeDate)
  .refine(
    (v) => parseDate(v) !== null,
    "must be a date written YYYY-MM-DD, YYYY-MM or YYYY (add ~ or write c. YYYY when approximate)",
  );

/** Optional in the file, null in the result: the exchange format writes absent values as null. */
const nullish = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? null);

const text = (max: number) =>
  z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);

export const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be lower-case letters, digits and single hyphens")
  .max(80);

export const countryCode = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .refine((v) => Object.hasOwn(COUNTRIES, v), {
    error: (issue) => `"${String(issue.input)}" is not an ISO 3166-1 alpha-3 country code`,
  });

const sourceUrl = z
  .string()
  .trim()
  .url("must be a URL")
  .refine((u) => /^https?:\/\//i.test(u), "must start with http:// or https://")
  .superRefine((u, ctx) => {
    const verdict = checkSourceUrl(u);
    if (!verdict.ok) ctx.addIssue({ code: "custom", message: sourceRefusal(u, verdict.reason) });
  });

const sourceType = z.string().refine(isSourceType, `must be one of: ${Object.keys(SOURCE_TYPES).join(", ")}`);

/** A citation as typed in the editor: its type is required (the editor asks for it). */
export const sourceSchema = z.object({
  title: text(300),
  url: sourceUrl,
  publisher: nullish(text(200)),
  accessed: nullish(isoDate),
  type: sourceType,
});

/**
 * A citation in an exchange file: files written before sources had types still import; a missing
 * type is inferred from the host (docs/sources.md), and the denylist applies either way.
 */
export const exchangeSourceSchema = z
  .object({
    title: text(300),
    url: sourceUrl,
    publisher: nullish(text(200)),
    accessed: nullish(isoDate),
    type: sourceType.optional(),
  })
  .transform((s) => ({ ...s, type: s.type ?? inferSourceType(s.url) }));

export const attributeSchema = z
  .object({
    dimension: z.string().min(1),
    value: z.union([z.boolean(), z.number(), z.string()]),
    note: nullish(z.string().trim().max(2000)).transform((v) => (v === "" ? null : v)),
    asOf: nullish(isoDate),
    reviewDue: nullish(isoDate),
    sources: z.array(exchangeSourceSchema),
    /** Explicitly imports a value whose sources were all refused, flagged "needs a source". */
    needsSource: z.boolean().optional(),
  })
  .superRefine((a, ctx) => {
    if (a.sources.length === 0 && a.needsSource !== true)
      ctx.addIssue({
        code: "custom",
        path: ["sources"],
        message: 'every value needs at least one source (or "needsSource": true to import it flagged)',
      });
    if (a.sources.length > 0 && a.needsSource === true)
      ctx.addIssue({ code: "custom", path: ["needsSource"], message: "a value with sources does not need one" });
  })
  .transform(({ needsSource: _flag, ...a }) => a);

export const memberSchema = z
  .object({
    country: countryCode,
    role: z.enum(keysOf(ROLES)),
    joined: nullish(catalogDate),
    left: nullish(catalogDate),
    status: z.enum(keysOf(MEMBER_STATUSES)).default("active"),
    statusSince: nullish(catalogDate),
  })
  .refine((m) => !m.joined || !m.left || notBefore(m.left, m.joined), {
    message: "left is before joined",
    path: ["left"],
  })
  .refine((m) => m.status === "active" || m.statusSince !== null, {
    message: "a suspended or frozen membership needs the date it began (statusSince)",
    path: ["statusSince"],
  })
  .refine((m) => m.status !== "active" || m.statusSince === null, {
    message: "statusSince is only for a suspended or frozen membership",
    path: ["statusSince"],
  });

/** Slugs that name pages under /frameworks/ and so cannot name a framework. */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set(["new", "changes"]);

export const frameworkFields = {
  slug: slugSchema.refine((s) => !RESERVED_SLUGS.has(s), "is reserved for a page of the catalog"),
  name: text(200),
  acronym: nullish(text(40)),
  kind: z.enum(keysOf(KINDS)),
  region: z.enum(keysOf(REGIONS)),
  status: z.enum(keysOf(STATUSES)),
  founded: nullish(catalogDate),
  inForce: nullish(catalogDate),
  ended: nullish(catalogDate),
  headquarters: nullish(text(200)),
  legalBasis: nullish(text(500)),
  summary: text(4000),
};

export const frameworkSchema = z.object({
  ...frameworkFields,
  members: z.array(memberSchema).default([]),
  attributes: z.array(attributeSchema).default([]),
});

export const dimensionSchema = z
  .object({
    key: z
      .string()
      .regex(/^[a-z][a-z0-9_]*$/, "must be lower_snake_case")
      .max(60),
    label: text(120),
    group: text(80),
    valueType: z.enum(VALUE_TYPES),
    options: z.array(text(80)).default([]),
    description: nullish(z.string().trim().max(500)),
  })
  .refine((d) => d.valueType !== "enum" || d.options.length > 0, {
    message: "an enum dimension needs options",
    path: ["options"],
  });

export const catalogSchema = z.object({
  version: z.literal(1, "version must be 1"),
  dimensions: z.array(dimensionSchema).default([]),
  frameworks: z.array(frameworkSchema).default([]),
});

export type SourceInput = z.infer<typeof sourceSchema>;
export type AttributeInput = z.infer<typeof attributeSchema>;
export type MemberInput = z.infer<typeof memberSchema>;
export type FrameworkInput = z.infer<typeof frameworkSchema>;
/** A framework as a file may write it (defaults and inferred source types still to apply). */
export type FrameworkFileInput = z.input<typeof frameworkSchema>;
export type DimensionInput = z.infer<typeof dimensionSchema>;
export type CatalogFile = z.infer<typeof catalogSchema>;

import type { TypedValue } from "./typed-value";

export { decodeValue, type TypedValue } from "./typed-value";

type DimensionShape = { valueType: ValueType | string; options: readonly string[] };

/**
 * Checks a typed value against its dimension and returns its canonical stored text, or an error
 * message. The one place that decides what a valid value is, for import and for editing.
 */
export function encodeValue(
  dim: DimensionShape,
  value: TypedValue,
): { ok: true; text: string } | { ok: false; error: string } {
  switch (dim.valueType) {
    case "boolean":
      if (typeof value === "boolean") return { ok: true, text: String(value) };
      return { ok: false, error: "must be true or false" };
    case "number":
      if (typeof value === "number" && Number.isFinite(value)) return { ok: true, text: String(value) };
      return { ok: false, error: "must be a number" };
    case "date": {
      const parsed = catalogDate.safeParse(value);
      if (parsed.success) return { ok: true, text: parsed.data };
      return { ok: false, error: "must be a date written YYYY-MM-DD, YYYY-MM, YYYY or c. YYYY" };
    }
    case "enum":
      if (typeof value === "string" && dim.options.includes(value)) return { ok: true, text: value };
      return { ok: false, error: `must be one of: ${dim.options.join(", ")}` };
    case "text":
      if (typeof value === "string" && value.trim()) return { ok: true, text: value.trim() };
      return { ok: false, error: "must be non-empty text" };
    default:
      return { ok: false, error: `unknown value type ${dim.valueType}` };
  }
}

/** Query parameters of the framework list (page and API). Empty strings count as absent. */
export const frameworkFiltersSchema = z.object({
  q: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .trim()
      .max(100, "q must be at most 100 characters")
      .refine(hasNoNul, "q must not contain NUL characters")
      .optional(),
  ),
  kind: z.preprocess((v) => (v === "" ? undefined : v), z.enum(keysOf(KINDS)).optional()),
  region: z.preprocess((v) => (v === "" ? undefined : v), z.enum(keysOf(REGIONS)).optional()),
  status: z.preprocess((v) => (v === "" ? undefined : v), z.enum(keysOf(STATUSES)).optional()),
  country: z.preprocess((v) => (v === "" ? undefined : v), countryCode.optional()),
});
export type FrameworkFilters = z.infer<typeof frameworkFiltersSchema>;

/** How many cards a page of /frameworks holds: the choices offered, and the default. */
export const PER_PAGE_CHOICES = [25, 50, 100, 200] as const;
export const DEFAULT_PER_PAGE = 100;

/** Paging of the /frameworks page (not of the API, which returns the whole list). */
export const catalogPagingSchema = z.object({
  page: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.coerce.number().int().min(1, "page must be 1 or more").max(100_000).default(1),
  ),
  per: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.coerce
      .number()
      .int()
      .refine(
        (n) => (PER_PAGE_CHOICES as readonly number[]).includes(n),
        `per must be one of ${PER_PAGE_CHOICES.join(", ")}`,
      )
      .default(DEFAULT_PER_PAGE),
  ),
});
export type CatalogPaging = z.infer<typeof catalogPagingSchema>;

// ---- Editing (server actions) -------------------------------------------------------------

const { slug: _slug, ...editableFields } = frameworkFields;

export const createFrameworkSchema = z.object(frameworkFields);
/** The slug identifies the framework and never changes (briefings and URLs refer to it). */
export const updateFrameworkSchema = z.object({ slug: slugSchema, ...editableFields });
export const setMembersSchema = z.object({ slug: slugSchema, members: z.array(memberSchema).max(400) });
export const setAttributeSchema = z.object({
  slug: slugSchema,
  dimension: z.string().min(1).max(60),
  value: z.union([z.boolean(), z.number(), z.string().max(4000)]),
  note: z
    .string()
    .trim()
    .max(2000)
    .nullish()
    .transform((v) => v || null),
  asOf: z.preprocess((v) => (v === "" ? null : v), nullish(isoDate)),
  reviewDue: z.preprocess((v) => (v === "" ? null : v), nullish(isoDate)),
  sources: z.array(sourceSchema).min(1, "Add at least one source: every value in the catalog must be cited.").max(20),
});
export const deleteAttributeSchema = z.object({ slug: slugSchema, dimension: z.string().min(1).max(60) });
export const createDimensionSchema = dimensionSchema;
