"use server";

import { defineAction } from "@/lib/actions";
import { getActorBriefingRole } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import {
  approveAccessRequestSchema,
  declineAccessRequestSchema,
  MAX_PENDING_REQUESTS_PER_USER,
  requestAccessSchema,
} from "./schema";

// Every action goes through defineAction: authenticate -> parse -> authorize -> write -> revalidate.

const share = (data: { briefingId: string }) => ({ action: "briefing:share", briefingId: data.briefingId }) as const;
const briefingPath = (data: { briefingId: string }) => [`/briefings/${data.briefingId}`];

/**
 * Asks for access to a briefing the caller cannot read. One request per user and briefing; a
 * declined one stays declined; at most MAX_PENDING_REQUESTS_PER_USER unanswered at a time.
 */
export const requestAccess = defineAction(
  // Asking is open to anyone signed in; the rules below are about the request, not a permission.
  { schema: requestAccessSchema, permission: "signed-in", revalidate: briefingPath },
  async ({ user, data, db }) => {
    const briefing = await db.briefing.findUnique({ where: { id: data.briefingId }, select: { deletedAt: true } });
    if (!briefing || briefing.deletedAt) throw new AppError("not_found", "No such briefing.");
    if (await getActorBriefingRole(db, user, data.briefingId)) {
      throw new AppError("conflict", "You already have access to this briefing: reload the page.");
    }
    await db.$transaction(async (tx) => {
      const existing = await tx.accessRequest.findUnique({
        where: { briefingId_userId: { briefingId: data.briefingId, userId: user.id } },
        select: { status: true },
      });
      if (existing?.status === "declined") throw new AppError("conflict", "The owner declined your earlier request.");
      if (existing) throw new AppError("conflict", "You already asked; the owner has not answered yet.");
      const pending = await tx.accessRequest.count({ where: { userId: user.id, status: "pending" } });
      if (pending >= MAX_PENDING_REQUESTS_PER_USER) {
        throw new AppError(
          "rate_limited",
          `You have ${pending} requests waiting for an answer; wait for some of them before asking for more.`,
        );
      }
      await tx.accessRequest.create({
        data: { briefingId: data.briefingId, userId: user.id, message: data.message },
      });
    });
    return null;
  },
);

/** Approves a pending request: the requester gets the chosen role and the request is gone, at once. */
export const approveAccessRequest = defineAction(
  { schema: approveAccessRequestSchema, permission: share, revalidate: briefingPath },
  async ({ data, db }) => {
    await db.$transaction(async (tx) => {
      const request = await tx.accessRequest.findFirst({
        where: { id: data.requestId, briefingId: data.briefingId, status: "pending" },
        select: { id: true, userId: true },
      });
      if (!request) throw new AppError("not_found", "This request was already answered or withdrawn.");
      await tx.briefingGrant.upsert({
        where: { briefingId_userId: { briefingId: data.briefingId, userId: request.userId } },
        create: { briefingId: data.briefingId, userId: request.userId, role: data.role },
        update: { role: data.role },
      });
      await tx.accessRequest.delete({ where: { id: request.id } });
    });
    return null;
  },
);

/** Declines a pending request; the requester cannot ask again for this briefing. */
export const declineAccessRequest = defineAction(
  { schema: declineAccessRequestSchema, permission: share, revalidate: briefingPath },
  async ({ data, db }) => {
    const { count } = await db.accessRequest.updateMany({
      where: { id: data.requestId, briefingId: data.briefingId, status: "pending" },
      data: { status: "declined", decidedAt: new Date() },
    });
    if (count === 0) throw new AppError("not_found", "This request was already answered or withdrawn.");
    return null;
  },
);
