import type { Db } from "@/lib/db";
import { recordNotifications } from "@/lib/notifications/create";
import { type CitingBriefing, findCitingBriefings } from "./citations";
import { describeNotice, noticeLine } from "./describe";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** A recorded catalog change, as the CatalogChange row holds it. */
export type RecordedChange = {
  id: string;
  frameworkSlug: string | null;
  entity: string;
  entityKey: string;
  action: string;
  before: string | null;
  after: string | null;
  userId: string | null;
  revertOf: string | null;
};

const parse = (json: string | null): unknown => (json === null ? null : JSON.parse(json));

/**
 * Alerts the briefings that cite what a catalog change changed, inside the change's transaction:
 * one CatalogAlert per citing briefing (shown on it until dismissed) and one `catalog_changed`
 * notification per owner (for their first citing briefing; the inbox does not repeat an unread one
 * of the same briefing and editor). Imports (whole-framework replacements, no old -> new) and
 * dimension definitions alert nobody. Returns the alerted briefings.
 */
export async function recordCatalogAlerts(tx: Tx, change: RecordedChange): Promise<CitingBriefing[]> {
  if (!change.frameworkSlug) return [];
  if (change.entity === "framework" && change.entityKey !== "fields") return [];
  const target = { frameworkSlug: change.frameworkSlug, entity: change.entity, entityKey: change.entityKey };
  const citing = await findCitingBriefings(tx, target);
  if (!citing.length) return [];
  await tx.catalogAlert.createMany({
    data: citing.map((c) => ({ briefingId: c.briefingId, changeId: change.id, via: c.via })),
  });
  const [framework, dimension] = await Promise.all([
    tx.framework.findUnique({ where: { slug: change.frameworkSlug }, select: { name: true } }),
    change.entity === "attribute"
      ? tx.dimension.findUnique({ where: { key: change.entityKey }, select: { label: true, valueType: true } })
      : null,
  ]);
  const notice = describeNotice(
    {
      id: change.id,
      entity: change.entity,
      entityKey: change.entityKey,
      action: change.action,
      before: parse(change.before),
      after: parse(change.after),
      userName: "",
      createdAt: "",
      revertOf: change.revertOf,
      reverted: false,
    },
    dimension ? { [change.entityKey]: dimension } : {},
  );
  const excerpt = noticeLine(framework?.name ?? change.frameworkSlug, notice);
  const firstPerOwner = new Map<string, string>();
  for (const c of citing) if (!firstPerOwner.has(c.ownerId)) firstPerOwner.set(c.ownerId, c.briefingId);
  await recordNotifications(
    tx,
    [...firstPerOwner].map(([userId, briefingId]) => ({
      userId,
      kind: "catalog_changed" as const,
      briefingId,
      actorId: change.userId,
      excerpt,
    })),
  );
  return citing;
}
