"use server";

import { defineAction } from "@/lib/actions";
import { announceAccessChange } from "@/lib/auth/access-events";
import { AppError } from "@/lib/errors";
import { createBriefing as createBriefingWithContent } from "./create";
import { writeBriefingGrant } from "./grants";
import {
  briefingRefSchema,
  createBriefingSchema,
  renameBriefingSchema,
  revokeGrantSchema,
  shareBriefingSchema,
  suggestionsOnlySchema,
} from "./schema";

// Every action goes through defineAction: authenticate -> parse -> authorize -> write -> revalidate.

/** Creates a briefing owned by the caller from a template; in a team, the team gets editor access. */
export const createBriefing = defineAction(
  {
    schema: createBriefingSchema,
    permission: (data) => ({ action: "briefing:create", teamId: data.teamId }),
    revalidate: () => ["/briefings"],
  },
  // The template goes into the Yjs state here, once, on the server (see lib/briefings/create.ts).
  ({ user, data, db }) =>
    createBriefingWithContent(db, {
      title: data.title,
      ownerId: user.id,
      teamId: data.teamId,
      template: data.template,
    }),
);

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
export const deleteBriefing = defineAction(
  {
    schema: briefingRefSchema,
    permission: (data) => ({ action: "briefing:delete", briefingId: data.briefingId }),
    revalidate: () => ["/briefings"],
  },
  async ({ data, db }) => {
    await db.briefing.update({ where: { id: data.briefingId }, data: { deletedAt: new Date() } });
    announceAccessChange({ briefingId: data.briefingId });
    return null;
  },
);

export const restoreBriefing = defineAction(
  {
    schema: briefingRefSchema,
    permission: (data) => ({ action: "briefing:delete", briefingId: data.briefingId }),
    revalidate: () => ["/briefings"],
  },
  async ({ data, db }) => {
    await db.briefing.update({ where: { id: data.briefingId }, data: { deletedAt: null } });
    return null;
  },
);

/** Grants (or changes) a person's or a team's role on a briefing. */
export const shareBriefing = defineAction(
  {
    schema: shareBriefingSchema,
    permission: (data) => ({ action: "briefing:share", briefingId: data.briefingId }),
    revalidate: (data) => [`/briefings/${data.briefingId}`],
  },
  async ({ user, data, db }) => {
    // Multi-row (grant + pending share): one transaction. Same answer whether or not the address
    // has an account.
    await db.$transaction((tx) => writeBriefingGrant(tx, { ...data, actorId: user.id }));
    // A lowered role must take effect on open connections too.
    announceAccessChange({ briefingId: data.briefingId });
    return null;
  },
);

export const revokeBriefingGrant = defineAction(
  {
    schema: revokeGrantSchema,
    permission: (data) => ({ action: "briefing:share", briefingId: data.briefingId }),
    revalidate: (data) => [`/briefings/${data.briefingId}`],
  },
  async ({ data, db }) => {
    const { count } = await db.briefingGrant.deleteMany({ where: { id: data.grantId, briefingId: data.briefingId } });
    if (count === 0) throw new AppError("not_found", "That access was already removed.");
    announceAccessChange({ briefingId: data.briefingId });
    return null;
  },
);

/**
 * "Suggestions only" for editors (owners are not held to it). Connected editors are re-checked
 * (announceAccessChange): the collaboration server reconnects them under the new setting.
 */
export const setSuggestionsOnly = defineAction(
  {
    schema: suggestionsOnlySchema,
    permission: (data) => ({ action: "briefing:manage-review", briefingId: data.briefingId }),
    revalidate: (data) => [`/briefings/${data.briefingId}`],
  },
  async ({ data, db }) => {
    await db.briefing.update({ where: { id: data.briefingId }, data: { suggestionsOnly: data.on } });
    announceAccessChange({ briefingId: data.briefingId });
    return null;
  },
);
