"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions";
import { announceAccessChange } from "@/lib/auth/access-events";
import { writeBriefingGrant } from "@/lib/briefings/grants";
import { briefingId } from "@/lib/briefings/schema";
import { AppError } from "@/lib/errors";

const shareWithMentionedSchema = z.object({ briefingId, userId: z.string().trim().min(1).max(64) });

/**
 * Shares the briefing with someone just @mentioned who could not read it, as a commenter (the
 * least role that lets them answer). Needs `briefing:share`; never lowers an existing role.
 */
export const shareWithMentioned = defineAction(
  {
    schema: shareWithMentionedSchema,
    permission: (data) => ({ action: "briefing:share", briefingId: data.briefingId }),
    revalidate: (data) => [`/briefings/${data.briefingId}`],
  },
  async ({ user, data, db }) => {
    const person = await db.user.findUnique({
      where: { id: data.userId },
      select: { email: true, emailVerified: true },
    });
    if (!person?.emailVerified) throw new AppError("not_found", "That person has no verified account here.");
    const existing = await db.briefingGrant.findUnique({
      where: { briefingId_userId: { briefingId: data.briefingId, userId: data.userId } },
      select: { id: true },
    });
    if (existing) return { shared: false };
    await db.$transaction((tx) =>
      writeBriefingGrant(tx, { briefingId: data.briefingId, email: person.email, role: "commenter", actorId: user.id }),
    );
    announceAccessChange({ briefingId: data.briefingId });
    return { shared: true };
  },
);
