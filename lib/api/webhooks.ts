import type { z } from "zod";
import { authorize, authorizeBriefing, can } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { apiCreateWebhookSchema, WebhookScope } from "@/lib/webhooks/schema";
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

/** A path id of a team; a malformed one is simply not found. */
export function parseTeamId(raw: string | undefined): string {
  if (!raw || raw.length > 64 || !/^[A-Za-z0-9_-]+$/.test(raw)) throw new AppError("not_found", "No such team.");
  return raw;
}

/**
 * Authorizes managing the webhooks of a scope: a briefing's `briefing:manage-webhooks` (owner) or a
 * team's `team:manage` (admins). Someone who may not even see the briefing or team gets 404, as for
 * a missing one; someone who may see it but not manage it, 403.
 */
async function authorizeScope(db: Db, caller: ApiCaller, scope: WebhookScope): Promise<void> {
  if ("briefingId" in scope) {
    await authorizeBriefing(db, caller.actor, scope.briefingId, "manage-webhooks");
    return;
  }
  if (!(await can(db, caller.actor, { action: "team:read", teamId: scope.teamId }))) {
    throw new AppError("not_found", "No such team.");
  }
  await authorize(db, caller.actor, { action: "team:manage", teamId: scope.teamId });
}

/** Authorizes managing a webhook by id (its briefing's or team's rule); a missing one is 404. */
async function authorizeWebhook(db: Db, caller: ApiCaller, id: string): Promise<WebhookScope> {
  const hook = await db.webhook.findUnique({ where: { id }, select: { briefingId: true, teamId: true } });
  if (!hook) throw notFound();
  const scope: WebhookScope = hook.briefingId ? { briefingId: hook.briefingId } : { teamId: hook.teamId ?? "" };
  try {
    await authorizeScope(db, caller, scope);
  } catch (error) {
    // A team webhook whose team the caller cannot see is "no such webhook", not "no such team".
    if (error instanceof AppError && error.code === "not_found") throw notFound();
    throw error;
  }
  return scope;
}

/** GET /api/v1/briefings/:id/webhooks and /api/v1/teams/:id/webhooks (owner / team admins). */
export async function apiListWebhooks(db: Db, caller: ApiCaller, scope: WebhookScope): Promise<WebhookView[]> {
  await authorizeScope(db, caller, scope);
  return listWebhooks(db, scope);
}

/** POST to the same paths: registers one; the answer carries its secret, this once. */
export async function apiCreateWebhook(
  db: Db,
  caller: ApiCaller,
  scope: WebhookScope,
  input: z.infer<typeof apiCreateWebhookSchema>,
): Promise<WebhookView & { secret: string }> {
  await authorizeScope(db, caller, scope);
  const where = "briefingId" in scope ? scope.briefingId : `team ${scope.teamId}`;
  const created = await createWebhook(db, { scope, ...input, createdById: caller.actor.id }, (tx, id) =>
    auditApiWrite(tx, caller, { action: "webhook.create", target: `${where} ${id} ${input.url}` }),
  );
  const view = (await listWebhooks(db, scope)).find((hook) => hook.id === created.id);
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
