"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { type ActionResult, parseInput, runAction } from "@/lib/actions";
import { authorize } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { markEmailVerified } from "@/lib/shares/by-email";

const catalogEditorSchema = z.object({ userId: z.string().min(1).max(64), catalogEditor: z.boolean() });

/** Instance administrators grant or withdraw the catalog-editor permission. */
export async function setCatalogEditor(input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    const user = await requireUser();
    const data = parseInput(catalogEditorSchema, input);
    const db = getDb();
    await authorize(db, user, { action: "admin:users" });
    const { count } = await db.user.updateMany({
      where: { id: data.userId },
      data: { catalogEditor: data.catalogEditor },
    });
    if (count === 0) throw new AppError("not_found", "No such user.");
    revalidatePath("/admin");
    return null;
  });
}

const verifyUserSchema = z.object({ userId: z.string().min(1).max(64) });

/**
 * Instance administrators vouch for a user's e-mail address (instances without SMTP cannot mail a
 * verification link); what was shared with the address meanwhile takes effect.
 */
export async function verifyUserEmail(input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    const user = await requireUser();
    const data = parseInput(verifyUserSchema, input);
    const db = getDb();
    await authorize(db, user, { action: "admin:users" });
    if (!(await markEmailVerified(db, data.userId))) throw new AppError("not_found", "No such user.");
    revalidatePath("/admin");
    return null;
  });
}
