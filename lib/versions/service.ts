import type { JSONContent } from "@tiptap/core";
import { type Actor, authorizeBriefing } from "@/lib/auth/permissions";
import { briefingJson } from "@/lib/briefings/doc/content";
import { loadCurrentContent } from "@/lib/briefings/doc/current";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { tryTake } from "@/lib/rate-limit";
import { type DocumentDiff, diffDocuments } from "./diff";
import { versionLabel } from "./label";
import { editDocument } from "./live";
import { proposeChanges } from "./propose";
import { type BlockRef, replaceDocument, restoreEdit } from "./restore";
import { VERSION_LIMITS } from "./schema";
import { captureVersion, loadVersionContent, parseAuthors, type VersionKind } from "./store";

export type Person = { id: string; name: string };

/** One version as the API and the history panel list it (no content). */
export type VersionSummary = {
  id: string;
  seq: number;
  kind: VersionKind;
  name: string | null;
  createdAt: string;
  /** Who named it or restored (null for automatic versions). */
  createdBy: Person | null;
  /** Whose changes were stored since the previous version (as far as known). */
  authors: Person[];
  /** Bytes this version takes in storage. */
  bytes: number;
};

const SUMMARY_SELECT = {
  id: true,
  seq: true,
  kind: true,
  name: true,
  createdAt: true,
  createdById: true,
  authorIds: true,
  bytes: true,
} as const;

type SummaryRow = {
  id: string;
  seq: number;
  kind: string;
  name: string | null;
  createdAt: Date;
  createdById: string | null;
  authorIds: string;
  bytes: number;
};

/** Names the people with these ids ("Former user" for a deleted account). */
async function peopleNamed(db: Db, ids: Iterable<string>): Promise<(id: string) => Person> {
  const users = await db.user.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true } });
  const names = new Map(users.map((user) => [user.id, user.name]));
  return (id: string): Person => ({ id, name: names.get(id) ?? "Former user" });
}

async function summarize(db: Db, rows: SummaryRow[]): Promise<VersionSummary[]> {
  const ids = new Set<string>();
  for (const row of rows) {
    if (row.createdById) ids.add(row.createdById);
    for (const id of parseAuthors(row.authorIds)) ids.add(id);
  }
  const person = await peopleNamed(db, ids);
  return rows.map((row) => ({
    id: row.id,
    seq: row.seq,
    kind: row.kind as VersionKind,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdById ? person(row.createdById) : null,
    authors: parseAuthors(row.authorIds).map(person),
    bytes: row.bytes,
  }));
}

async function findVersion(db: Db, briefingId: string, versionId: string): Promise<SummaryRow> {
  const row = await db.briefingVersion.findFirst({ where: { id: versionId, briefingId }, select: SUMMARY_SELECT });
  if (!row) throw new AppError("not_found", "No such version.");
  return row;
}

async function takeWrite(db: Db, actor: Actor): Promise<void> {
  const key = `versions:${actor && "id" in actor ? actor.id : "anonymous"}`;
  const wait = await tryTake(db, key, VERSION_LIMITS.writesPerMinute, Date.now());
  if (wait !== null) {
    throw new AppError("rate_limited", `Too many versions named or restored; try again in ${wait} s.`, {
      retryAfter: wait,
    });
  }
}

/** The briefing's versions, newest first. Needs read access. */
export async function listVersions(db: Db, actor: Actor, briefingId: string): Promise<VersionSummary[]> {
  await authorizeBriefing(db, actor, briefingId, "read");
  const rows = await db.briefingVersion.findMany({
    where: { briefingId },
    orderBy: { seq: "desc" },
    select: SUMMARY_SELECT,
  });
  return summarize(db, rows);
}

/** Names the current document: a new named version (never thinned). Needs edit rights. */
export async function nameVersion(db: Db, actor: Actor, briefingId: string, name: string): Promise<VersionSummary> {
  await authorizeBriefing(db, actor, briefingId, "edit");
  const named = await db.briefingVersion.count({ where: { briefingId, kind: "named" } });
  if (named >= VERSION_LIMITS.namedPerBriefing) {
    throw new AppError(
      "conflict",
      `This briefing already has ${VERSION_LIMITS.namedPerBriefing} named versions, the most it can keep.`,
    );
  }
  await takeWrite(db, actor);
  const userId = actor && "id" in actor ? actor.id : null;
  const created = await captureVersion(db, briefingId, { kind: "named", name, createdById: userId, now: new Date() });
  if (!created) throw new AppError("not_found", "No such briefing.");
  return (await summarize(db, [await findVersion(db, briefingId, created.id)]))[0]!;
}

/** A version's summary and ProseMirror JSON. Needs read access. */
export async function getVersion(
  db: Db,
  actor: Actor,
  briefingId: string,
  versionId: string,
): Promise<{ version: VersionSummary; content: JSONContent }> {
  await authorizeBriefing(db, actor, briefingId, "read");
  const row = await findVersion(db, briefingId, versionId);
  const content = await loadVersionContent(db, briefingId, versionId);
  if (!content) throw new AppError("not_found", "No such version.");
  return { version: (await summarize(db, [row]))[0]!, content };
}

/**
 * Who changed the document between two versions: the authors of every version after the older
 * one up to the newer one (a version credits whose changes were stored since its predecessor),
 * plus, up to "current" (`toSeq` null), those whose changes are in no version yet. Per range, not
 * per block: versions record authors, not which blocks each of them touched.
 */
async function rangeAuthorIds(db: Db, briefingId: string, fromSeq: number, toSeq: number | null): Promise<string[]> {
  const low = toSeq === null ? fromSeq : Math.min(fromSeq, toSeq);
  const high = toSeq === null ? undefined : Math.max(fromSeq, toSeq);
  const [rows, pending] = await Promise.all([
    db.briefingVersion.findMany({
      where: { briefingId, seq: { gt: low, ...(high === undefined ? {} : { lte: high }) } },
      select: { authorIds: true },
    }),
    toSeq === null
      ? db.briefingPendingAuthor.findMany({ where: { briefingId }, select: { userId: true } })
      : Promise.resolve([]),
  ]);
  return [...new Set([...rows.flatMap((row) => parseAuthors(row.authorIds)), ...pending.map((row) => row.userId)])];
}

/**
 * The diff between two versions, or a version and the current document, with who changed the
 * document in that range (rangeAuthorIds). Needs read access.
 */
export async function diffVersions(
  db: Db,
  actor: Actor,
  briefingId: string,
  fromId: string,
  toId: string | "current",
): Promise<{ from: VersionSummary; to: VersionSummary | "current"; diff: DocumentDiff; authors: Person[] }> {
  await authorizeBriefing(db, actor, briefingId, "read");
  const fromRow = await findVersion(db, briefingId, fromId);
  const toRow = toId === "current" ? null : await findVersion(db, briefingId, toId);
  const [fromContent, toContent] = await Promise.all([
    loadVersionContent(db, briefingId, fromId),
    toId === "current" ? loadCurrentContent(db, briefingId) : loadVersionContent(db, briefingId, toId),
  ]);
  if (!fromContent || !toContent) throw new AppError("not_found", "No such version.");
  const [[from, to], authorIds] = await Promise.all([
    summarize(db, toRow ? [fromRow, toRow] : [fromRow]),
    rangeAuthorIds(db, briefingId, fromRow.seq, toRow?.seq ?? null),
  ]);
  const person = await peopleNamed(db, authorIds);
  return {
    from: from!,
    to: to ?? "current",
    diff: diffDocuments(fromContent, toContent),
    authors: authorIds.map(person),
  };
}

/**
 * Restores a version (or one block of it, see withBlockRestored) as a new change on top of the
 * current document: the current state is kept as an automatic version first (if not in one yet),
 * the change goes through the live room so open editors follow, and the result is recorded as a
 * "Restored …" version. Needs edit rights.
 */
export async function restoreVersion(
  db: Db,
  actor: Actor,
  briefingId: string,
  versionId: string,
  block?: BlockRef,
): Promise<VersionSummary> {
  await authorizeBriefing(db, actor, briefingId, "edit");
  const row = await findVersion(db, briefingId, versionId);
  await takeWrite(db, actor);
  const content = await loadVersionContent(db, briefingId, versionId);
  if (!content) throw new AppError("not_found", "No such version.");
  const userId = actor && "id" in actor ? actor.id : null;
  await captureVersion(db, briefingId, { kind: "auto", now: new Date(), skipIfUnchanged: true });
  if (!(await editDocument(db, briefingId, restoreEdit(briefingId, content, block)))) {
    throw new AppError("not_found", "No such briefing.");
  }
  const label = versionLabel(row);
  const name = `${block ? "Restored a block of" : "Restored"} ${label}`.slice(0, VERSION_LIMITS.nameLength);
  const created = await captureVersion(db, briefingId, {
    kind: "restore",
    name,
    createdById: userId,
    authorIds: userId ? [userId] : [],
    now: new Date(),
  });
  if (!created) throw new AppError("not_found", "No such briefing.");
  return (await summarize(db, [await findVersion(db, briefingId, created.id)]))[0]!;
}

/** What proposing a diff as suggestions did (see proposeChanges). */
export type ProposeOutcome = { proposed: number; skipped: string[] };

/**
 * "Propose these changes": the diff from version `fromId` to version `toId` applied onto the
 * current document as suggestions by the caller (through the live room, like a restore, so open
 * editors see them at once and can accept or reject each). Blocks changed since `fromId`, and
 * changes suggestions cannot express, are left out and listed. Needs edit rights (an editor held to
 * "suggestions only" may: everything it writes is their own suggestion).
 */
export async function proposeVersionChanges(
  db: Db,
  actor: Actor,
  briefingId: string,
  fromId: string,
  toId: string,
): Promise<ProposeOutcome> {
  await authorizeBriefing(db, actor, briefingId, "edit");
  const userId = actor && "id" in actor ? actor.id : null;
  if (!userId) throw new AppError("forbidden", "Sign in to propose changes.");
  await findVersion(db, briefingId, fromId);
  await findVersion(db, briefingId, toId);
  await takeWrite(db, actor);
  const [from, to, user] = await Promise.all([
    loadVersionContent(db, briefingId, fromId),
    loadVersionContent(db, briefingId, toId),
    db.user.findUnique({ where: { id: userId }, select: { name: true } }),
  ]);
  if (!from || !to) throw new AppError("not_found", "No such version.");
  let outcome: ProposeOutcome = { proposed: 0, skipped: [] };
  const edited = await editDocument(db, briefingId, (doc) => {
    const result = proposeChanges(from, to, briefingJson(doc, briefingId), {
      id: userId,
      name: user?.name ?? "Someone",
    });
    outcome = { proposed: result.proposed, skipped: result.skipped };
    if (result.proposed > 0) replaceDocument(doc, result.doc.toJSON() as JSONContent);
  });
  if (!edited) throw new AppError("not_found", "No such briefing.");
  return outcome;
}
