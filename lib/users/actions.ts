"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions";
import { AppError } from "@/lib/errors";
import { markEmailVerified } from "@/lib/shares/by-email";

const adminUsers = { action: "admin:users" } as const;
const catalogEditorSchema = z.object({ userId: z.string().min(1).max(64), catalogEditor: z.boolean() });

/** Instance administrators grant or withdraw the catalog-editor permission. */
export const setCatalogEditor = defineAction(
  { schema: catalogEditorSchema, permission: () => adminUsers, revalidate: () => ["/admin"] },
  async ({ data, db }) => {
    const { count } = await db.user.updateMany({
      where: { id: data.userId },
      data: { catalogEditor: data.catalogEditor },
    });
    if (count === 0) throw new AppError("not_found", "No such user.");
    return null;
  },
);

const verifyUserSchema = z.object({ userId: z.string().min(1).max(64) });

/**
 * Instance administrators vouch for a user's e-mail address (instances without SMTP cannot mail a
 * verification link); what was shared with the address meanwhile takes effect.
 */
export const verifyUserEmail = defineAction(
  { schema: verifyUserSchema, permission: () => adminUsers, revalidate: () => ["/admin"] },
  async ({ data, db }) => {
    if (!(await markEmailVerified(db, data.userId))) throw new AppError("not_found", "No such user.");
    return null;
  },
);
