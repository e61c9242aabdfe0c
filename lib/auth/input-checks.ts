import { APIError } from "better-auth/api";
import { z } from "zod";
import { createTeamSchema } from "@/lib/teams/schema";
import { isWellFormed } from "@/lib/well-formed";

// better-auth's own endpoints (/api/auth/...) are reachable directly, not only through the app's
// forms and server actions, and check little beyond types: a sign-up with a 100,000-character name
// was stored as it was. These checks run in its database hooks, so every path is covered.

/** The longest name a person may give (the sign-up form's maxLength). */
export const MAX_USER_NAME = 100;

// PostgreSQL cannot store NUL in text; SQLite can, but no name needs one either.
const noNul = (value: string) => !value.includes("\u0000");

const userName = z
  .string("Give your name.")
  .trim()
  .min(1, "Give your name.")
  .max(MAX_USER_NAME, `Names are at most ${MAX_USER_NAME} characters.`)
  .refine(noNul, "Names cannot contain NUL characters.")
  .refine(isWellFormed, "Names must be plain text (this one holds an invalid character).");

const teamFields = z.object({
  name: createTeamSchema.shape.name.refine(noNul, "Team names cannot contain NUL characters.").optional(),
  slug: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Team slugs are lower-case letters, digits and hyphens.")
    .max(60, "Team slugs are at most 60 characters.")
    .optional(),
});

function check(schema: z.ZodType, data: unknown): void {
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    throw new APIError("BAD_REQUEST", { message: parsed.error.issues[0]?.message ?? "Invalid input." });
  }
}

/**
 * Checks the profile fields of a user being created or updated (only the fields present): the
 * name, and no profile image (the app shows none, so it stores none).
 */
export function checkUserFields(user: { name?: unknown; image?: unknown }): void {
  if (user.name !== undefined) check(userName, user.name);
  if (user.image !== undefined && user.image !== null) {
    throw new APIError("BAD_REQUEST", { message: "Profile images are not supported." });
  }
}

/** Checks the name and slug of a team being created or updated through better-auth's endpoints. */
export function checkTeamFields(team: { name?: unknown; slug?: unknown }): void {
  check(teamFields, { name: team.name, slug: team.slug });
}
