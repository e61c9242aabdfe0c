import type { Db } from "@/lib/db";
import { recordCatalogAlerts } from "./alerts/record";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export type CatalogChangeInput = {
  frameworkSlug: string | null;
  entity: "framework" | "member" | "attribute" | "dimension" | "import";
  entityKey: string;
  action: "create" | "update" | "delete";
  before: unknown;
  after: unknown;
  /** Null for changes made by a script (the `after` value then names it in `importedBy`). */
  userId: string | null;
  /** The change this one undoes, when it is a revert. */
  revertOf?: string;
};

/**
 * Records one catalog change inside the transaction that makes it, so history and data never
 * disagree, and alerts the briefings that cite what changed (lib/catalog/alerts/) in the same
 * transaction.
 */
export async function recordChange(tx: Tx, change: CatalogChangeInput): Promise<void> {
  const row = await tx.catalogChange.create({
    data: {
      ...change,
      before: change.before === null || change.before === undefined ? null : JSON.stringify(change.before),
      after: change.after === null || change.after === undefined ? null : JSON.stringify(change.after),
    },
  });
  await recordCatalogAlerts(tx, row);
}

export type CatalogChangeView = {
  id: string;
  entity: string;
  entityKey: string;
  action: string;
  before: unknown;
  after: unknown;
  userName: string;
  createdAt: string;
  /** The change this one undid, if it is a revert. */
  revertOf: string | null;
  /** Whether a later change undid this one. */
  reverted: boolean;
};

/** The script named in a change made without a user, e.g. "catalog:import (nato.json)". */
function scriptOf(after: string | null): string {
  try {
    const parsed = after ? (JSON.parse(after) as { importedBy?: unknown; file?: unknown }) : null;
    if (typeof parsed?.importedBy === "string") {
      return typeof parsed.file === "string" ? `${parsed.importedBy} (${parsed.file})` : parsed.importedBy;
    }
  } catch {
    // not JSON: fall through
  }
  return "A script";
}

/** The history of one framework, newest first. */
export async function listCatalogChanges(db: Db, frameworkSlug: string, take = 50): Promise<CatalogChangeView[]> {
  const rows = await db.catalogChange.findMany({
    where: { frameworkSlug },
    orderBy: { createdAt: "desc" },
    take,
    include: { user: { select: { name: true } } },
  });
  const reverts = await db.catalogChange.findMany({
    where: { revertOf: { in: rows.map((r) => r.id) } },
    select: { revertOf: true },
  });
  const reverted = new Set(reverts.map((r) => r.revertOf));
  return rows.map((r) => ({
    id: r.id,
    entity: r.entity,
    entityKey: r.entityKey,
    action: r.action,
    before: r.before ? (JSON.parse(r.before) as unknown) : null,
    after: r.after ? (JSON.parse(r.after) as unknown) : null,
    userName: r.user?.name ?? (r.userId ? "Deleted user" : scriptOf(r.after)),
    createdAt: r.createdAt.toISOString(),
    revertOf: r.revertOf,
    reverted: reverted.has(r.id),
  }));
}
