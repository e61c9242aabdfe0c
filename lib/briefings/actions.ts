"use server";

import { revalidatePath } from "next/cache";
import { type ActionResult, defineAction, parseInput, runAction } from "@/lib/actions";
import { announceAccessChange } from "@/lib/auth/access-events";
import { authorize } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createBriefing as createBriefingWithContent } from "./create";
import { writeBriefingGrant } from "./grants";
import {
  briefingRefSchema,
  createBriefingSchema,
  renameBriefingSchema,
  revokeGrantSchema,
  shareBriefingSchema,
} from "./schema";

// Every action: authenticate -> parse -> authorize -> write -> revalidate.

/** Creates a briefing owned by the caller from a template; in a team, the team gets editor access. */
export async function createBriefing(input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const user = await requireUser();
    const data = parseInput(createBriefingSchema, input);
    const db = getDb();
    await authorize(db, user, { action: "briefing:create", teamId: data.teamId });
    // The template goes into the Yjs state here, once, on the server (see lib/briefings/create.ts).
    const briefing = await createBriefingWithContent(db, {
      title: data.title,
      ownerId: user.id,
      teamId: data.teamId,
      template: data.template,
    });
    revalidatePath("/briefings");
    return briefing;
  });
}

export const renameBriefing = defineAction(
  {
    schema: renameBriefingSchema,
    permission: (data) => ({ action: "briefing:edit", briefingId: data.briefingId }),
    revalidate: (data) => ["/briefings", `/briefings/${data.briefingId}`],
  },
  async ({ data, db }) => {
    await db.briefing.update({ where: { id: data.briefingId }, data: { title: data.title } });
    return null;
  },
);

/** Soft delete: the owner can restore it from the list. */
export async function deleteBriefing(input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    const user = await requireUser();
    const data = parseInput(briefingRefSchema, input);
    const db = getDb();
    await authorize(db, user, { action: "briefing:delete", briefingId: data.briefingId });
    await db.briefing.update({ where: { id: data.briefingId }, data: { deletedAt: new Date() } });
    announceAccessChange({ briefingId: data.briefingId });
    revalidatePath("/briefings");
    return null;
  });
}

export async function restoreBriefing(input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    const user = await requireUser();
    const data = parseInput(briefingRefSchema, input);
    const db = getDb();
    await authorize(db, user, { action: "briefing:delete", briefingId: data.briefingId });
    await db.briefing.update({ where: { id: data.briefingId }, data: { deletedAt: null } });
    revalidatePath("/briefings");
    return null;
  });
}

/** Grants (or changes) a person's or a team's role on a briefing. */
export async function shareBriefing(input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    const user = await requireUser();
    const data = parseInput(shareBriefingSchema, input);
    const db = getDb();
    await authorize(db, user, { action: "briefing:share", briefingId: data.briefingId });
    // Multi-row (grant + pending share): one transaction. Same answer whether or not the address
    // has an account.
    await db.$transaction((tx) => writeBriefingGrant(tx, { ...data, actorId: user.id }));
    // A lowered role must take effect on open connections too.
    announceAccessChange({ briefingId: data.briefingId });
    revalidatePath(`/briefings/${data.briefingId}`);
    return null;
  });
}

export async function revokeBriefingGrant(input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    const user = await requireUser();
    const data = parseInput(revokeGrantSchema, input);
    const db = getDb();
    await authorize(db, user, { action: "briefing:share", briefingId: data.briefingId });
    const { count } = await db.briefingGrant.deleteMany({ where: { id: data.grantId, briefingId: data.briefingId } });
    if (count === 0) throw new AppError("not_found", "That access was already removed.");
    announceAccessChange({ briefingId: data.briefingId });
    revalidatePath(`/briefings/${data.briefingId}`);
    return null;
  });
}
