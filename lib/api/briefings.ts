import type { z } from "zod";
import { authorize, authorizeBriefing } from "@/lib/auth/permissions";
import type { BriefingRole } from "@/lib/auth/roles";
import { createBriefing } from "@/lib/briefings/create";
import { listBriefings } from "@/lib/briefings/queries";
import { briefingId as briefingIdSchema } from "@/lib/briefings/schema";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { auditApiWrite } from "./audit";
import type { ApiCaller } from "./caller";
import { markdownToProsemirror } from "./markdown";
import type { apiCreateBriefingSchema } from "./schema";

/** A briefing as the public API shows it. */
export type ApiBriefing = {
  id: string;
  title: string;
  role: BriefingRole;
  updatedAt: string;
  teamId: string | null;
  classification: string | null;
};

/** A path id checked like every other input; a malformed one is simply not found. */
export function parseBriefingId(raw: string | undefined): string {
  const parsed = briefingIdSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("not_found", "No such briefing.");
  return parsed.data;
}

/**
 * Creates a briefing owned by the caller (authorized as `briefing:create`, so read tokens are
 * refused); Markdown, when given, becomes the initial document, written once like a template.
 * The row and its audit record are written in one transaction.
 */
export async function apiCreateBriefing(
  db: Db,
  caller: ApiCaller,
  input: z.infer<typeof apiCreateBriefingSchema>,
): Promise<ApiBriefing> {
  const teamId = input.teamId ?? null;
  await authorize(db, caller.actor, { action: "briefing:create", teamId });
  const content = input.markdown === undefined ? undefined : markdownToProsemirror(input.markdown);
  const { id } = await db.$transaction(async (tx) => {
    const created = await createBriefing(tx, {
      title: input.title,
      ownerId: caller.actor.id,
      teamId,
      template: input.template ?? "blank",
      content,
    });
    await auditApiWrite(tx, caller, { action: "briefing.create", target: created.id });
    return created;
  });
  return apiGetBriefing(db, caller, id);
}

/** One briefing the caller may read, with the caller's role; 404 otherwise. */
export async function apiGetBriefing(db: Db, caller: ApiCaller, id: string): Promise<ApiBriefing> {
  const role = await authorizeBriefing(db, caller.actor, id, "read");
  const row = await db.briefing.findUniqueOrThrow({
    where: { id },
    select: { id: true, title: true, updatedAt: true, teamId: true, classification: true, deletedAt: true },
  });
  if (row.deletedAt) throw new AppError("not_found", "No such briefing.");
  return {
    id: row.id,
    title: row.title,
    role,
    updatedAt: row.updatedAt.toISOString(),
    teamId: row.teamId,
    classification: row.classification || null,
  };
}

/** The caller's briefings (owned, granted, via teams; not deleted), newest first, with roles. */
export async function apiListBriefings(db: Db, caller: ApiCaller) {
  // Listing is a read, so any scope may list; each row's role comes from the permission module's
  // rule (resolveBriefingRole), so the list shows exactly what `can(..., "briefing:read")` allows.
  const list = await listBriefings(db, caller.actor.id, { view: "all" });
  return {
    items: list.items.map((item) => ({
      id: item.id,
      title: item.title,
      role: item.role,
      updatedAt: item.updatedAt,
    })),
    truncated: list.truncated,
  };
}
