import type { z } from "zod";
import { authorize, authorizeBriefing, can } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { apiCreateWebhookSchema } from "@/lib/webhooks/schema";
import {
  createWebhook,
  type DeliveryView,
  deleteWebhook,
  listDeliveries,
  listWebhooks,
  type WebhookView,
} from "@/lib/webhooks/store";
import { auditApiWrite } from "./audit";
import type { ApiCaller } from "./caller";

const notFound = () => new AppError("not_found", "No such webhook.");

/** A path id of a webhook; a malformed one is simply not found. */
export function parseWebhookId(raw: string | undefined): string {
  if (!raw || raw.length > 64 || !/^[A-Za-z0-9_-]+$/.test(raw)) throw notFound();
  return raw;
}

/**
 * Authorizes managing a webhook by id: its briefing's `briefing:manage-webhooks` (owner) or its
 * team's `team:manage` (admins). Someone who may not even see the briefing or team gets 404, as
 * for a missing webhook; someone who may see it but not manage it, 403.
 */
async function authorizeWebhook(db: Db, caller: ApiCaller, id: string) {
  const hook = await db.webhook.findUnique({ where: { id }, select: { briefingId: true, teamId: true } });
  if (!hook) throw notFound();
  if (hook.briefingId) {
    await authorizeBriefing(db, caller.actor, hook.briefingId, "manage-webhooks");
    return { briefingId: hook.briefingId };
  }
  const teamId = hook.teamId ?? "";
  if (!(await can(db, caller.actor, { action: "team:read", teamId }))) throw notFound();
  await authorize(db, caller.actor, { action: "team:manage", teamId });
  return { teamId };
}

/** GET /api/v1/briefings/:id/webhooks: the briefing's webhooks (owner, write scope). */
export async function apiListWebhooks(db: Db, caller: ApiCaller, briefingId: string): Promise<WebhookView[]> {
  await authorizeBriefing(db, caller.actor, briefingId, "manage-webhooks");
  return listWebhooks(db, { briefingId });
}

/** POST /api/v1/briefings/:id/webhooks: registers one; the answer carries its secret, this once. */
export async function apiCreateWebhook(
  db: Db,
  caller: ApiCaller,
  briefingId: string,
  input: z.infer<typeof apiCreateWebhookSchema>,
): Promise<WebhookView & { secret: string }> {
  await authorizeBriefing(db, caller.actor, briefingId, "manage-webhooks");
  const created = await createWebhook(db, { scope: { briefingId }, ...input, createdById: caller.actor.id }, (tx, id) =>
    auditApiWrite(tx, caller, { action: "webhook.create", target: `${briefingId} ${id} ${input.url}` }),
  );
  const view = (await listWebhooks(db, { briefingId })).find((hook) => hook.id === created.id);
  if (!view) throw notFound();
  return { ...view, secret: created.secret };
}

/** DELETE /api/v1/webhooks/:id */
export async function apiDeleteWebhook(db: Db, caller: ApiCaller, id: string): Promise<void> {
  const scope = await authorizeWebhook(db, caller, id);
  await db.$transaction(async (tx) => {
    await deleteWebhook(tx, scope, id);
    await auditApiWrite(tx, caller, { action: "webhook.delete", target: id });
  });
}

/** GET /api/v1/webhooks/:id/deliveries: the last 20, newest first. */
export async function apiListDeliveries(db: Db, caller: ApiCaller, id: string): Promise<DeliveryView[]> {
  await authorizeWebhook(db, caller, id);
  return listDeliveries(db, id);
}
