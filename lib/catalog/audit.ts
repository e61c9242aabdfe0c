import type { Db } from "@/lib/db";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export type CatalogChangeInput = {
  frameworkSlug: string | null;
  entity: "framework" | "member" | "attribute" | "dimension";
  entityKey: string;
  action: "create" | "update" | "delete";
  before: unknown;
  after: unknown;
  userId: string;
  /** The change this one undoes, when it is a revert. */
  revertOf?: string;
};

/** Records one catalog change inside the transaction that makes it, so history and data never disagree. */
export async function recordChange(tx: Tx, change: CatalogChangeInput): Promise<void> {
  await tx.catalogChange.create({
    data: {
      ...change,
      before: change.before === null || change.before === undefined ? null : JSON.stringify(change.before),
      after: change.after === null || change.after === undefined ? null : JSON.stringify(change.after),
    },
  });
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
    userName: r.user?.name ?? "Deleted user",
    createdAt: r.createdAt.toISOString(),
    revertOf: r.revertOf,
    reverted: reverted.has(r.id),
  }));
}
