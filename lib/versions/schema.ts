import { z } from "zod";

/** Budgets of version history (named versions are never pruned, so they are counted). */
export const VERSION_LIMITS = {
  /** Characters in a version name. */
  nameLength: 120,
  /** Named versions per briefing. */
  namedPerBriefing: 200,
  /** Named versions and restores per user per minute. */
  writesPerMinute: 10,
} as const;

export const versionIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "not a version id");

/** POST /versions body. */
export const nameVersionBody = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, "A version needs a name.")
    .max(VERSION_LIMITS.nameLength, `At most ${VERSION_LIMITS.nameLength} characters.`),
});

/** POST /versions/:vid/restore body (optional): one block of the diff version -> current. */
export const restoreBody = z.strictObject({
  block: z
    .strictObject({
      from: z.number().int().min(0).nullable(),
      to: z.number().int().min(0).nullable(),
    })
    .refine((block) => block.from !== null || block.to !== null, "from or to must be a block index")
    .optional(),
});

export const versionContentQuery = z.strictObject({ format: z.enum(["md", "json"]).default("json") });

export const diffQuery = z.strictObject({
  from: versionIdSchema,
  to: z.union([z.literal("current"), versionIdSchema]).default("current"),
});

/** POST /diff/propose body: the diff between two versions to propose as suggestions. */
export const proposeBody = z.strictObject({ from: versionIdSchema, to: versionIdSchema });
