import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordChange } from "./audit";
import { parseDimensionRow } from "./rows";
import { decodeValue, encodeValue } from "./schema";
import { type AttributeSnapshot, attributeSnapshot, memberSelect } from "./snapshots";
import { checkSourceUrl, inferSourceType, isSourceType, sourceRefusal } from "./source-policy";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
type Change = NonNullable<Awaited<ReturnType<Tx["catalogChange"]["findUnique"]>>>;

const parse = (json: string | null): unknown => (json === null ? null : JSON.parse(json));
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const changedSince = () =>
  new AppError("conflict", "This has changed since; revert the later changes first (newest first).");

type MemberRow = {
  country: string;
  role: string;
  joined: string | null;
  left: string | null;
  status: string;
  statusSince: string | null;
};

/** Members as recorded, in the current shape (records from before member statuses lack them). */
function members(value: unknown): MemberRow[] {
  return (Array.isArray(value) ? value : []).map((m: Partial<MemberRow>) => ({
    country: String(m.country),
    role: String(m.role),
    joined: m.joined ?? null,
    left: m.left ?? null,
    status: m.status ?? "active",
    statusSince: m.statusSince ?? null,
  }));
}

/** A recorded value, in the current shape; older deletions were recorded without sources. */
function attribute(value: unknown): AttributeSnapshot | null | "incomplete" {
  if (value === null) return null;
  const v = value as Partial<AttributeSnapshot> & { sources?: Partial<AttributeSnapshot["sources"][number]>[] };
  if (!Array.isArray(v.sources)) return "incomplete";
  return attributeSnapshot({
    value: String(v.value),
    note: v.note ?? null,
    asOf: v.asOf ?? null,
    reviewDue: v.reviewDue ?? null,
    sources: v.sources.map((s) => ({
      title: String(s.title),
      url: String(s.url),
      publisher: s.publisher ?? null,
      accessed: s.accessed ?? null,
      type: s.type && isSourceType(s.type) ? s.type : inferSourceType(String(s.url)),
    })),
  });
}

async function revertFields(tx: Tx, change: Change, slug: string) {
  if (change.action !== "update") throw new AppError("unprocessable", "Creating a framework cannot be reverted here.");
  const before = parse(change.before) as Record<string, string | null>;
  const after = parse(change.after) as Record<string, string | null>;
  const current = await tx.framework.findUnique({ where: { slug } });
  if (!current) throw new AppError("not_found", "No such framework.");
  const keys = Object.keys(after) as (keyof typeof current & string)[];
  if (keys.some((k) => current[k] !== after[k])) throw changedSince();
  const searchText = [before.name ?? current.name, before.acronym ?? current.acronym ?? "", slug]
    .join(" ")
    .toLowerCase();
  await tx.framework.update({ where: { slug }, data: { ...before, searchText } });
  return { before: after, after: before, action: "update" as const };
}

async function revertMembers(tx: Tx, change: Change, slug: string) {
  const framework = await tx.framework.findUnique({
    where: { slug },
    select: { id: true, members: { orderBy: { position: "asc" }, select: memberSelect } },
  });
  if (!framework) throw new AppError("not_found", "No such framework.");
  const [before, after] = [members(parse(change.before)), members(parse(change.after))];
  if (!same(framework.members, after)) throw changedSince();
  await tx.membership.deleteMany({ where: { frameworkId: framework.id } });
  await tx.membership.createMany({
    data: before.map((m, position) => ({ ...m, position, frameworkId: framework.id })),
  });
  await tx.framework.update({ where: { id: framework.id }, data: { updatedAt: new Date() } });
  return { before: after, after: before, action: "update" as const };
}

async function revertAttribute(tx: Tx, change: Change, slug: string) {
  const [framework, dimension] = await Promise.all([
    tx.framework.findUnique({ where: { slug }, select: { id: true } }),
    tx.dimension.findUnique({ where: { key: change.entityKey } }),
  ]);
  if (!framework || !dimension) throw new AppError("not_found", "The framework or dimension no longer exists.");
  const before = attribute(parse(change.before));
  const after = attribute(parse(change.after));
  if (before === "incomplete" || after === "incomplete")
    throw new AppError(
      "unprocessable",
      "This deletion was recorded without its sources; enter the value again instead.",
    );
  const where = { frameworkId_dimensionId: { frameworkId: framework.id, dimensionId: dimension.id } };
  const current = await tx.attributeValue.findUnique({ where, include: { sources: { orderBy: { position: "asc" } } } });
  if (!same(current ? attributeSnapshot(current) : null, after)) throw changedSince();
  if (current) await tx.attributeValue.delete({ where: { id: current.id } });
  if (before) {
    // What is restored must pass today's rules: the dimension's type and the source policy.
    const encoded = encodeValue(parseDimensionRow(dimension), decodeValue(dimension.valueType, before.value));
    if (!encoded.ok) throw new AppError("unprocessable", `${dimension.label}: the old value ${encoded.error}.`);
    for (const s of before.sources) {
      const verdict = checkSourceUrl(s.url);
      if (!verdict.ok)
        throw new AppError("unprocessable", `The old value cites ${sourceRefusal(s.url, verdict.reason)}`);
    }
    const { sources, ...fields } = before;
    await tx.attributeValue.create({
      data: {
        ...fields,
        frameworkId: framework.id,
        dimensionId: dimension.id,
        sources: { create: sources.map((s, position) => ({ ...s, position })) },
      },
    });
  }
  await tx.framework.update({ where: { id: framework.id }, data: { updatedAt: new Date() } });
  return {
    before: after,
    after: before,
    action: before === null ? ("delete" as const) : after === null ? ("create" as const) : ("update" as const),
  };
}

/**
 * Undoes one recorded catalog change, in one transaction with its own audit record (`revertOf`).
 * Refused when the data changed since (revert newest first), when it was already reverted, and
 * when what would be restored breaks today's rules (a source the policy now refuses).
 */
export async function revertChange(db: Db, changeId: string, userId: string): Promise<{ slug: string }> {
  return db.$transaction(async (tx) => {
    const change = await tx.catalogChange.findUnique({ where: { id: changeId } });
    if (!change) throw new AppError("not_found", "No such change in the history.");
    const slug = change.frameworkSlug;
    if (!slug || change.entity === "dimension")
      throw new AppError("unprocessable", "Dimension changes cannot be reverted from a framework's history.");
    if (await tx.catalogChange.findFirst({ where: { revertOf: change.id }, select: { id: true } }))
      throw new AppError("conflict", "This change has already been reverted.");
    const undo =
      change.entity === "framework"
        ? await revertFields(tx, change, slug)
        : change.entity === "member"
          ? await revertMembers(tx, change, slug)
          : await revertAttribute(tx, change, slug);
    await recordChange(tx, {
      frameworkSlug: slug,
      entity: change.entity as "framework" | "member" | "attribute",
      entityKey: change.entityKey,
      userId,
      revertOf: change.id,
      ...undo,
    });
    return { slug };
  });
}
