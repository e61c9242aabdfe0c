import type { z } from "zod";
import { announceAccessChange } from "@/lib/auth/access-events";
import { authorizeBriefing } from "@/lib/auth/permissions";
import { removeBriefingGrant, writeBriefingGrant } from "@/lib/briefings/grants";
import type { Db } from "@/lib/db";
import { auditApiWrite } from "./audit";
import type { ApiCaller } from "./caller";
import type { apiGrantSchema } from "./schema";

type GrantInput = z.infer<typeof apiGrantSchema>;

function target(id: string, input: GrantInput): string {
  return `${id} ${input.email ? `user:${input.email}` : `team:${input.teamId}`}`;
}

/**
 * Grants (or changes) a person's or a team's role, like the access panel: `briefing:share` (so a
 * read token gets 403), grant and audit in one transaction, then open connections are told.
 */
export async function apiGrant(db: Db, caller: ApiCaller, id: string, input: GrantInput) {
  await authorizeBriefing(db, caller.actor, id, "share");
  await db.$transaction(async (tx) => {
    await writeBriefingGrant(tx, { briefingId: id, ...input, actorId: caller.actor.id });
    await auditApiWrite(tx, caller, { action: "briefing.grant", target: `${target(id, input)} ${input.role}` });
  });
  announceAccessChange({ briefingId: id });
  return { briefingId: id, email: input.email ?? null, teamId: input.teamId ?? null, role: input.role };
}

/** Removes a person's or a team's grant (the body names whom; its role is ignored). */
export async function apiRevokeGrant(db: Db, caller: ApiCaller, id: string, input: GrantInput) {
  await authorizeBriefing(db, caller.actor, id, "share");
  await db.$transaction(async (tx) => {
    await removeBriefingGrant(tx, { briefingId: id, ...input });
    await auditApiWrite(tx, caller, { action: "briefing.revoke", target: target(id, input) });
  });
  // A removed role must take effect on open connections too.
  announceAccessChange({ briefingId: id });
}
