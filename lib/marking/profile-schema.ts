import { z } from "zod";

/** A marking code: upper-case letters, digits and dashes (e.g. "S", "NOFORN", "OS", "FVEY"). */
const code = z
  .string()
  .regex(/^[A-Z0-9][A-Z0-9-]{0,23}$/, "A code is 1-24 upper-case letters, digits or dashes, e.g. NOFORN.");
const label = (max: number) => z.string().trim().min(1, "Required.").max(max);

const levelSchema = z.object({
  code,
  /** Full form, in banners: "SECRET", "NATO SECRET". */
  banner: label(60),
  /** Short form, in portion marks: "S", "NS". */
  portion: label(12),
  /**
   * True when a portion at this level may go into any release copy without a release-to list
   * (unclassified information). False: it needs a release-to list naming the recipient.
   */
  releasable: z.boolean().default(false),
  /** Countries or groups every portion at this level is releasable to (NATO levels: "NATO"). */
  releaseTo: z.array(code).max(50).default([]),
});

const controlSchema = z.object({
  code,
  banner: label(60),
  portion: label(24),
  /** dissemination control (NOFORN, ORCON), caveat (UK EYES ONLY) or descriptor (COMMERCIAL). */
  kind: z.enum(["dissemination", "caveat", "descriptor"]),
  /** The lowest level this control may be used with (e.g. ORCON needs CONFIDENTIAL or above). */
  minLevel: code.optional(),
  /** The highest level it may be used with (e.g. a descriptor of OFFICIAL-SENSITIVE only). */
  maxLevel: code.optional(),
  /** A portion with this control is released to nobody, and the banner then has no release-to list. */
  noRelease: z.boolean().default(false),
});

const countrySchema = z.object({ code, name: label(80) });
const groupSchema = z.object({ code, name: label(80), members: z.array(code).min(1).max(80) });

const releaseSchema = z.object({
  /** "REL TO" (US), "RELEASABLE TO" (NATO, UK). */
  bannerPrefix: label(30),
  /** Listed first in every release-to list (the originator), e.g. "USA". */
  owner: code.optional(),
  countries: z.array(countrySchema).max(300),
  groups: z.array(groupSchema).max(50).default([]),
});

const ruleSchema = z.object({
  /**
   * Control codes that must not appear together in one portion; "REL" stands for a release-to
   * list. E.g. ["NOFORN", "REL"].
   */
  together: z.array(code).min(2).max(6),
  message: label(200),
});

/**
 * A marking profile (data, not code): levels in order from lowest to highest with their banner and
 * portion forms, the controls and caveats it allows, whom it releases to, and its rules. Shipped
 * profiles are JSON files in lib/marking/profiles/; administrators import and edit others.
 */
export const markingProfileSchema = z
  .object({
    key: z.string().regex(/^[a-z0-9][a-z0-9-]{1,39}$/, "A key is 2-40 lower-case letters, digits or dashes."),
    name: label(80),
    description: z.string().trim().max(1000).default(""),
    /** Where the vocabulary comes from (a public rule), shown to people choosing a profile. */
    source: z.string().trim().max(300).default(""),
    /** "//" between banner parts (US), " " (UK, NATO). */
    separator: z.string().min(1).max(5).default("//"),
    /** Between controls after the separator: "/" (US: ORCON/NOFORN), " " (UK). */
    controlJoin: z.string().min(1).max(5).default("/"),
    levels: z.array(levelSchema).min(1).max(12),
    controls: z.array(controlSchema).max(60).default([]),
    release: releaseSchema.optional(),
    /** Every portion must carry a mark; exports are refused while one does not. */
    requirePortionMarks: z.boolean().default(false),
    /** The level an unmarked portion counts as when marks are not required (default: the lowest). */
    unmarkedLevel: code.optional(),
    /** Show the authority block (Classified By, Derived From, Declassify On) on exports. */
    authorityBlock: z.boolean().default(false),
    rules: z.array(ruleSchema).max(40).default([]),
  })
  .superRefine((profile, ctx) => {
    const levels = new Set<string>();
    for (const [i, level] of profile.levels.entries()) {
      if (levels.has(level.code))
        ctx.addIssue({ code: "custom", path: ["levels", i, "code"], message: "Duplicate level." });
      levels.add(level.code);
    }
    const controls = new Set<string>(["REL"]);
    for (const [i, control] of profile.controls.entries()) {
      if (controls.has(control.code) || levels.has(control.code)) {
        ctx.addIssue({ code: "custom", path: ["controls", i, "code"], message: "Duplicate or reserved code." });
      }
      controls.add(control.code);
      for (const bound of ["minLevel", "maxLevel"] as const) {
        const value = control[bound];
        if (value && !levels.has(value)) {
          ctx.addIssue({ code: "custom", path: ["controls", i, bound], message: `Unknown level ${value}.` });
        }
      }
    }
    if (profile.unmarkedLevel && !levels.has(profile.unmarkedLevel)) {
      ctx.addIssue({ code: "custom", path: ["unmarkedLevel"], message: "Unknown level." });
    }
    const recipients = new Set([
      ...(profile.release?.countries ?? []).map((c) => c.code),
      ...(profile.release?.groups ?? []).map((g) => g.code),
    ]);
    for (const [i, group] of (profile.release?.groups ?? []).entries()) {
      for (const member of group.members) {
        if (!profile.release?.countries.some((c) => c.code === member)) {
          ctx.addIssue({
            code: "custom",
            path: ["release", "groups", i, "members"],
            message: `Unknown country ${member}.`,
          });
        }
      }
    }
    for (const [i, level] of profile.levels.entries()) {
      for (const to of level.releaseTo) {
        if (!recipients.has(to))
          ctx.addIssue({ code: "custom", path: ["levels", i, "releaseTo"], message: `Unknown ${to}.` });
      }
    }
    for (const [i, rule] of profile.rules.entries()) {
      for (const c of rule.together) {
        if (!controls.has(c))
          ctx.addIssue({ code: "custom", path: ["rules", i, "together"], message: `Unknown control ${c}.` });
      }
    }
  });

export type MarkingProfile = z.output<typeof markingProfileSchema>;
export type MarkingProfileInput = z.input<typeof markingProfileSchema>;
export type MarkingLevel = MarkingProfile["levels"][number];
export type MarkingControl = MarkingProfile["controls"][number];

/** At most this many characters of profile JSON are accepted (import, edit). */
export const PROFILE_JSON_MAX = 100_000;

/** Parses and validates profile JSON text; a readable error list when it is not a valid profile. */
export function parseProfileJson(
  text: string,
): { ok: true; profile: MarkingProfile } | { ok: false; errors: string[] } {
  if (text.length > PROFILE_JSON_MAX)
    return { ok: false, errors: [`A profile is at most ${PROFILE_JSON_MAX} characters.`] };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`Not JSON: ${error instanceof Error ? error.message : "unreadable"}`] };
  }
  const parsed = markingProfileSchema.safeParse(raw);
  if (parsed.success) return { ok: true, profile: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.slice(0, 20).map((i) => `${i.path.join(".") || "profile"}: ${i.message}`),
  };
}
