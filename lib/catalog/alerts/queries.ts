import { type Actor, can } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db";
import type { DimensionLabel } from "../history-labels";
import { type ChangeNotice, describeNotice } from "./describe";

/** The most alerts a briefing shows at once (the rest are counted; the change feed has them all). */
export const ALERTS_SHOWN = 50;

/** One catalog change as a briefing's notice shows it. */
export type CatalogAlertView = ChangeNotice & {
  id: string;
  via: string;
  frameworkSlug: string;
  frameworkName: string;
  changeId: string;
  changedBy: string;
  changedAt: string;
};

export type BriefingAlerts = { alerts: CatalogAlertView[]; total: number };

const parse = (json: string | null): unknown => (json === null ? null : JSON.parse(json));

/**
 * The undismissed catalog changes a briefing cites, newest first, for an actor who may read the
 * briefing (checked through `can()`); nothing for anyone else.
 */
export async function listBriefingAlerts(db: Db, actor: Actor, briefingId: string): Promise<BriefingAlerts> {
  if (!(await can(db, actor, { action: "briefing:read", briefingId }))) return { alerts: [], total: 0 };
  const where = { briefingId, dismissedAt: null };
  const [rows, total] = await Promise.all([
    db.catalogAlert.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: ALERTS_SHOWN,
      select: {
        id: true,
        via: true,
        change: {
          select: {
            id: true,
            frameworkSlug: true,
            entity: true,
            entityKey: true,
            action: true,
            before: true,
            after: true,
            revertOf: true,
            createdAt: true,
            userId: true,
            user: { select: { name: true } },
          },
        },
      },
    }),
    db.catalogAlert.count({ where }),
  ]);
  const slugs = [...new Set(rows.map((r) => r.change.frameworkSlug ?? ""))];
  const keys = [...new Set(rows.filter((r) => r.change.entity === "attribute").map((r) => r.change.entityKey))];
  const [frameworks, dimensions] = await Promise.all([
    db.framework.findMany({ where: { slug: { in: slugs } }, select: { slug: true, name: true } }),
    db.dimension.findMany({ where: { key: { in: keys } }, select: { key: true, label: true, valueType: true } }),
  ]);
  const names = new Map(frameworks.map((f) => [f.slug, f.name]));
  const dims: Record<string, DimensionLabel> = Object.fromEntries(dimensions.map((d) => [d.key, d]));
  const alerts = rows.map(({ id, via, change: c }) => {
    const notice = describeNotice(
      {
        id: c.id,
        entity: c.entity,
        entityKey: c.entityKey,
        action: c.action,
        before: parse(c.before),
        after: parse(c.after),
        userName: "",
        createdAt: c.createdAt.toISOString(),
        revertOf: c.revertOf,
        reverted: false,
      },
      dims,
    );
    const slug = c.frameworkSlug ?? "";
    return {
      ...notice,
      id,
      via,
      frameworkSlug: slug,
      frameworkName: names.get(slug) ?? slug,
      changeId: c.id,
      changedBy: c.user?.name ?? (c.userId ? "Deleted user" : "A script"),
      changedAt: c.createdAt.toISOString(),
    };
  });
  return { alerts, total };
}

/**
 * Dismisses alerts of a briefing (the listed ids, or all): the caller has been authorized to edit
 * it. Ids of other briefings' alerts are ignored. Returns how many were dismissed.
 */
export async function dismissBriefingAlerts(
  db: Db,
  input: { briefingId: string; userId: string; ids?: string[] },
): Promise<number> {
  const { count } = await db.catalogAlert.updateMany({
    where: { briefingId: input.briefingId, dismissedAt: null, ...(input.ids ? { id: { in: input.ids } } : {}) },
    data: { dismissedAt: new Date(), dismissedById: input.userId },
  });
  return count;
}
