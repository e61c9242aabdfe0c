"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { type ActionResult, parseInput, runAction } from "@/lib/actions";
import { authorize } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { revertChange } from "./revert";

const revertSchema = z.object({ changeId: z.string().trim().min(1).max(40) });

/** Reverts one change from a framework's history (catalog editors; recorded in the history itself). */
export async function revertCatalogChange(input: unknown): Promise<ActionResult<{ slug: string }>> {
  return runAction(async () => {
    const user = await requireUser();
    const data = parseInput(revertSchema, input);
    const db = getDb();
    await authorize(db, user, { action: "catalog:edit" });
    const { slug } = await revertChange(db, data.changeId, user.id);
    revalidatePath("/frameworks");
    revalidatePath(`/frameworks/${slug}`);
    return { slug };
  });
}
