"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { type ActionResult, parseInput, runAction } from "@/lib/actions";
import { authorize } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { briefingId } from "./schema";

const classificationSchema = z.object({
  briefingId,
  // One line: the marking is printed in page headers and footers.
  classification: z
    .string()
    .transform((v) => v.replace(/\s+/g, " ").trim())
    .pipe(z.string().max(120, "A marking is at most 120 characters.")),
});

/**
 * Sets the classification marking printed on a briefing's exports (title page, every page header
 * and footer), e.g. "UNCLASSIFIED // FOR OFFICIAL USE"; an empty string removes it. Owners and
 * editors only (briefing:edit).
 */
export async function setBriefingClassification(input: unknown): Promise<ActionResult<{ classification: string }>> {
  return runAction(async () => {
    const user = await requireUser();
    const data = parseInput(classificationSchema, input);
    const db = getDb();
    await authorize(db, user, { action: "briefing:edit", briefingId: data.briefingId });
    await db.briefing.update({ where: { id: data.briefingId }, data: { classification: data.classification } });
    revalidatePath(`/briefings/${data.briefingId}`);
    revalidatePath(`/briefings/${data.briefingId}/export`);
    return { classification: data.classification };
  });
}
