"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { type ActionResult, parseInput, runAction } from "@/lib/actions";
import { authorize } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
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
export async function saveComparison(input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const user = await requireUser();
    const data = parseInput(saveSchema, input);
    const db = getDb();
    await authorize(db, user, { action: "comparison:create", teamId: data.teamId });
    const saved = await createSavedComparison(db, {
      name: data.name,
      state: data.state,
      ownerId: user.id,
      teamId: data.teamId,
    });
    revalidatePath("/compare");
    return { id: saved.id };
  });
}

export async function deleteComparison(input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    const user = await requireUser();
    const data = parseInput(refSchema, input);
    const db = getDb();
    await authorize(db, user, { action: "comparison:edit", comparisonId: data.comparisonId });
    if (!(await deleteSavedComparison(db, data.comparisonId)))
      throw new AppError("not_found", "That comparison was already deleted.");
    revalidatePath("/compare");
    return null;
  });
}
