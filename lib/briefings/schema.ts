import { z } from "zod";
import { hasNoNul } from "@/lib/input";
import { BRIEFING_TEMPLATE_IDS } from "./templates";

// Refusing NUL here also keeps it out of PostgreSQL queries of the routes that take an id.
export const briefingId = z
  .string()
  .trim()
  .min(1, "briefing id is required")
  .max(64)
  .refine(hasNoNul, "briefing id must not contain NUL characters");
export const briefingTitle = z
  .string()
  .trim()
  .min(1, "Give the briefing a title.")
  .max(200, "Titles are at most 200 characters.");

export const createBriefingSchema = z.object({
  title: briefingTitle,
  // "" (the form's "Only me") means no team.
  teamId: z.preprocess(
    (v) => (v === "" ? null : v),
    z
      .string()
      .trim()
      .min(1)
      .max(64)
      .nullish()
      .transform((v) => v || null),
  ),
  template: z.enum(BRIEFING_TEMPLATE_IDS, "Choose one of the templates.").default("blank"),
});
export const renameBriefingSchema = z.object({ briefingId, title: briefingTitle });
export const briefingRefSchema = z.object({ briefingId });

/** Grant a role to one user (by e-mail) or to a whole team. Owners are not granted: a briefing has one owner. */
export const shareBriefingSchema = z
  .object({
    briefingId,
    email: z
      .email("Enter a valid e-mail address.")
      .max(254, "E-mail addresses are at most 254 characters.")
      .trim()
      .toLowerCase()
      .optional(),
    teamId: z.string().trim().min(1).max(64).optional(),
    role: z.enum(["viewer", "commenter", "editor"]),
  })
  .refine((v) => Boolean(v.email) !== Boolean(v.teamId), {
    message: "Share with either a person or a team.",
    path: ["email"],
  });

export const revokeGrantSchema = z.object({ briefingId, grantId: z.string().min(1).max(64) });

/** The owner's "suggestions only" switch: editors' changes must be suggestions while it is on. */
export const suggestionsOnlySchema = z.object({ briefingId, on: z.boolean() });
