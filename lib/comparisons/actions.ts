"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions";
import { AppError } from "@/lib/errors";
import { createSavedComparison, deleteSavedComparison } from "./queries";
import { comparisonNameSchema, comparisonStateSchema } from "./schema";

const saveSchema = z.object({
  name: comparisonNameSchema,
  state: comparisonStateSchema,
  teamId: z
    .string()
    .trim()
    .max(64)
    .nullish()
    .transform((v) => v || null),
});
const refSchema = z.object({ comparisonId: z.string().min(1).max(64) });

/** Saves the current /compare view under a name, for the caller or one of the caller's teams. */
export const saveComparison = defineAction(
  {
    schema: saveSchema,
    permission: (data) => ({ action: "comparison:create", teamId: data.teamId }),
    revalidate: () => ["/compare"],
  },
  async ({ user, data, db }) => {
    const saved = await createSavedComparison(db, {
      name: data.name,
      state: data.state,
      ownerId: user.id,
      teamId: data.teamId,
    });
    return { id: saved.id };
  },
);

export const deleteComparison = defineAction(
  {
    schema: refSchema,
    permission: (data) => ({ action: "comparison:edit", comparisonId: data.comparisonId }),
    revalidate: () => ["/compare"],
  },
  async ({ data, db }) => {
    if (!(await deleteSavedComparison(db, data.comparisonId)))
      throw new AppError("not_found", "That comparison was already deleted.");
    return null;
  },
);
