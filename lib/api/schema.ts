import { z } from "zod";
import { briefingTitle } from "@/lib/briefings/schema";
import { BRIEFING_TEMPLATE_IDS } from "@/lib/briefings/templates";
import { EXPORT_FORMATS } from "@/lib/export/types";
import { authoritySchema } from "@/lib/marking/authority";

// The public API's request schemas: the handlers parse with them and openapi.json is built from them.

/** The most Markdown one create call imports. */
export const MAX_MARKDOWN_CHARS = 200_000;

export const apiCreateBriefingSchema = z
  .object({
    title: briefingTitle,
    template: z.enum(BRIEFING_TEMPLATE_IDS, "Choose one of the templates.").optional(),
    teamId: z.string().trim().min(1).max(64).nullish(),
    markdown: z.string().max(MAX_MARKDOWN_CHARS, `Markdown is at most ${MAX_MARKDOWN_CHARS} characters.`).optional(),
  })
  .strict()
  .refine((v) => v.template === undefined || v.markdown === undefined, {
    message: "Give either a template or markdown, not both.",
    path: ["markdown"],
  });

export const apiGrantSchema = z
  .object({
    email: z.email("Enter a valid e-mail address.").max(254).trim().toLowerCase().optional(),
    teamId: z.string().trim().min(1).max(64).optional(),
    role: z.enum(["viewer", "commenter", "editor"], "Role is viewer, commenter or editor."),
  })
  .strict()
  .refine((v) => Boolean(v.email) !== Boolean(v.teamId), {
    message: "Give either email or teamId.",
    path: ["email"],
  });

export const CONTENT_FORMATS = ["md", "html", "text", "json"] as const;
export const contentQuerySchema = z.object({ format: z.enum(CONTENT_FORMATS, "format is md, html, text or json.") });
/** PUT /api/v1/briefings/:id/marking: the profile (null: none) and/or the authority block. */
export const apiMarkingSchema = z
  .object({
    profile: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, "profile is a profile key such as us-cnsi.")
      .nullable()
      .optional(),
    authority: authoritySchema.optional(),
  })
  .strict()
  .refine((v) => v.profile !== undefined || v.authority !== undefined, "Send profile, authority or both.");

export const exportQuerySchema = z.object({
  format: z.enum(EXPORT_FORMATS, `format is ${EXPORT_FORMATS.join(", ")}.`),
  /** A release copy for a country or group code (lib/marking/export.ts). */
  releaseTo: z
    .string()
    .regex(/^[A-Z0-9][A-Z0-9-]{0,23}$/, "releaseTo is a country or group code such as GBR or FVEY.")
    .optional(),
  /** 1: include the comment threads (needs read-comments). Default 0. */
  comments: z.enum(["0", "1"], "comments is 0 or 1.").optional(),
});

// Response shapes, for openapi.json (the handlers' return types are checked by TypeScript).
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.array(z.string())).optional(),
  }),
});
export const apiBriefingSchema = z.object({
  id: z.string(),
  title: z.string(),
  role: z.enum(["viewer", "commenter", "editor", "owner"]),
  updatedAt: z.string(),
  teamId: z.string().nullable(),
  classification: z.string().nullable(),
});
export const apiBriefingListSchema = z.object({
  items: z.array(apiBriefingSchema.pick({ id: true, title: true, role: true, updatedAt: true })),
  truncated: z.boolean(),
});
export const apiCompareSchema = z.object({
  frameworks: z.array(z.string()),
  header: z.array(z.string()),
  rows: z.array(z.array(z.string())),
});
