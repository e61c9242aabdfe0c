"use server";

import type { z } from "zod";
import { defineAction } from "@/lib/actions";
import { briefingId } from "@/lib/briefings/schema";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ClearanceView } from "./queries";
import {
  answerClearanceBody,
  clearanceIdSchema,
  emptyBody,
  finalizeClearanceBody,
  requestClearanceBody,
} from "./schema";
import * as service from "./service";

// The briefing page's clearance forms: the same service functions as /api/v1 (lib/api/clearances.ts).

const withClearance = <S extends z.ZodRawShape>(body: z.ZodObject<S>) =>
  body.extend({ clearanceId: clearanceIdSchema });

const requestSchema = requestClearanceBody.extend({ briefingId });
const answerSchema = withClearance(answerClearanceBody);
const finalizeSchema = withClearance(finalizeClearanceBody);
const leadSchema = withClearance(emptyBody);

async function briefingOf(db: Db, clearanceId: string): Promise<string> {
  const row = await db.clearance.findUnique({ where: { id: clearanceId }, select: { briefingId: true } });
  if (!row) throw new AppError("not_found", "No such clearance.");
  return row.briefingId;
}

/** The briefing page and the list (its state badge and filter) show the new state. */
const pages = (_data: unknown, result: ClearanceView) => [`/briefings/${result.briefingId}`, "/briefings"];

const leadPermission = async (data: { clearanceId: string }, { db }: { db: Db }) => ({
  action: "briefing:manage-clearance" as const,
  briefingId: await briefingOf(db, data.clearanceId),
});

/** The owner requests clearance of a named version (or of the current text, named on the spot). */
export const requestClearance = defineAction<typeof requestSchema, ClearanceView>(
  {
    schema: requestSchema,
    permission: (data) => ({ action: "briefing:manage-clearance", briefingId: data.briefingId }),
    revalidate: pages,
  },
  async ({ data: { briefingId: id, ...input }, db, user }) => service.requestClearance(db, user, id, input, new Date()),
);

/**
 * A clearer answers. Reading the briefing is the least it takes; the service then finds the
 * clearer's step through can() (`clearance:answer`) and refuses anyone else.
 */
export const answerClearance = defineAction<typeof answerSchema, ClearanceView>(
  {
    schema: answerSchema,
    permission: async (data, { db }) => ({
      action: "briefing:read",
      briefingId: await briefingOf(db, data.clearanceId),
    }),
    revalidate: pages,
  },
  async ({ data: { clearanceId, ...input }, db, user }) =>
    service.answerClearance(db, user, clearanceId, input, new Date()),
);

/** The lead (owner) clears, over missing or non-concurring answers with the dissent recorded. */
export const finalizeClearance = defineAction<typeof finalizeSchema, ClearanceView>(
  { schema: finalizeSchema, permission: leadPermission, revalidate: pages },
  async ({ data, db, user }) => service.finalizeClearance(db, user, data.clearanceId, data.dissent, new Date()),
);

/** The lead releases a cleared, current version. */
export const releaseClearance = defineAction<typeof leadSchema, ClearanceView>(
  { schema: leadSchema, permission: leadPermission, revalidate: pages },
  async ({ data, db, user }) => service.releaseClearance(db, user, data.clearanceId, new Date()),
);

/** The lead withdraws a clearance (the briefing is a draft again). */
export const withdrawClearance = defineAction<typeof leadSchema, ClearanceView>(
  { schema: leadSchema, permission: leadPermission, revalidate: pages },
  async ({ data, db, user }) => service.withdrawClearance(db, user, data.clearanceId, new Date()),
);
