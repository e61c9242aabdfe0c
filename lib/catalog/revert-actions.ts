"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions";
import { revertChange } from "./revert";

const revertSchema = z.object({ changeId: z.string().trim().min(1).max(40) });

/** Reverts one change from a framework's history (catalog editors; recorded in the history itself). */
export const revertCatalogChange = defineAction(
  {
    schema: revertSchema,
    permission: () => ({ action: "catalog:edit" }),
    revalidate: (_data, result: { slug: string }) => ["/frameworks", `/frameworks/${result.slug}`],
  },
  async ({ user, data, db }) => {
    const { slug } = await revertChange(db, data.changeId, user.id);
    return { slug };
  },
);
