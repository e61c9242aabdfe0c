"use server";

import { defineAction } from "@/lib/actions";
import type { Permission } from "@/lib/auth/permissions";
import { deliverNow } from "./delivery";
import { createWebhookSchema, scopeOf, setWebhookActiveSchema, webhookRefSchema } from "./schema";
import {
  createWebhook as insertWebhook,
  queuePing,
  deleteWebhook as removeWebhook,
  setWebhookActive as setActive,
} from "./store";

// Who manages a webhook: the briefing's owner (briefing:manage-webhooks) or the team's admins.
function managePermission(data: { briefingId?: string; teamId?: string }): Permission {
  return data.briefingId
    ? { action: "briefing:manage-webhooks", briefingId: data.briefingId }
    : { action: "team:manage", teamId: data.teamId ?? "" };
}

function pageOf(data: { briefingId?: string; teamId?: string }): string[] {
  return [data.briefingId ? `/briefings/${data.briefingId}/export` : `/teams/${data.teamId}`];
}

/** Registers a webhook for a briefing or a team; its signing secret is returned this once. */
export const createWebhook = defineAction(
  { schema: createWebhookSchema, permission: managePermission, revalidate: pageOf },
  async ({ data, user, db }) =>
    insertWebhook(db, { scope: scopeOf(data), url: data.url, events: data.events, createdById: user.id }),
);

/** Deletes a webhook with its delivery history. */
export const deleteWebhook = defineAction(
  { schema: webhookRefSchema, permission: managePermission, revalidate: pageOf },
  async ({ data, db }) => {
    await removeWebhook(db, scopeOf(data), data.webhookId);
    return null;
  },
);

/** Turns a webhook on or off. */
export const setWebhookActive = defineAction(
  { schema: setWebhookActiveSchema, permission: managePermission, revalidate: pageOf },
  async ({ data, db }) => {
    await setActive(db, scopeOf(data), data.webhookId, data.active);
    return null;
  },
);

/**
 * Sends a "ping" event now and reports the receiver's answer (one attempt, no retry), so the
 * person setting a webhook up sees at once whether it works.
 */
export const sendTestEvent = defineAction(
  { schema: webhookRefSchema, permission: managePermission, revalidate: pageOf },
  async ({ data, db }) => {
    const deliveryId = await queuePing(db, scopeOf(data), data.webhookId);
    const outcome = await deliverNow(db, deliveryId);
    return {
      status: outcome?.status ?? "pending",
      responseStatus: outcome?.result?.status ?? null,
      error: outcome?.result?.error ?? null,
    };
  },
);
