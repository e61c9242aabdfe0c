import { createHash } from "node:crypto";
import type { JSONContent } from "@tiptap/core";
import * as Y from "yjs";
import { briefingJson } from "@/lib/briefings/doc/content";
import { applyStoredState, briefingLog, toBytes } from "@/lib/briefings/doc/update-log";
import { type Db, dbProvider } from "@/lib/db";
import { takeAuthors } from "./authors";

export type VersionKind = "auto" | "named" | "restore";

/**
 * A full checkpoint is written after this many deltas in a row, or once the deltas since the last
 * checkpoint add up to half the document's full size: rebuilding any version then reads one
 * checkpoint and at most CHECKPOINT_EVERY - 1 small deltas, while the checkpoint's cost is spread
 * over that many versions (see docs: storage per automatic version).
 */
export const CHECKPOINT_EVERY = 50;

export type CaptureInput = {
  kind: VersionKind;
  name?: string | null;
  createdById?: string | null;
  /** Authors to credit besides those collected by the collaboration server since the last version. */
  authorIds?: string[];
  /** When the version is made (the auto-versioner's clock). */
  now: Date;
  /** Skip (return null) when the document equals the latest version (automatic versions). */
  skipIfUnchanged?: boolean;
};

export type CapturedVersion = { id: string; seq: number; bytes: number; checkpoint: boolean };

/** The briefing's stored document (snapshot + logged updates) as a new Y.Doc; null when missing. */
export async function loadStoredDoc(db: Db, briefingId: string): Promise<Y.Doc | null> {
  const state = await briefingLog(db).load(briefingId);
  if (!state) return null;
  const doc = new Y.Doc();
  applyStoredState(doc, state);
  return doc;
}

/** sha256 of a document's JSON (equal documents, equal hashes). */
export function contentHash(json: JSONContent): string {
  return createHash("sha256").update(JSON.stringify(json)).digest("hex");
}

/**
 * Records the briefing's stored document as a new version: a delta from the previous version (v2
 * encoding), or a full checkpoint when due. Authors are those the collaboration server saw since
 * the previous version (see authors.ts) plus `input.authorIds`. Null when the briefing does not
 * exist, or when `skipIfUnchanged` and nothing changed since the latest version.
 */
export async function captureVersion(db: Db, briefingId: string, input: CaptureInput): Promise<CapturedVersion | null> {
  const loadedAt = new Date();
  const doc = await loadStoredDoc(db, briefingId);
  if (!doc) return null;
  try {
    return await captureFromDoc(db, briefingId, doc, input, loadedAt);
  } finally {
    doc.destroy();
  }
}

/**
 * captureVersion for a document already in hand (it must be the briefing's stored state, read at
 * `loadedAt`: authors noted up to then are taken, see takeAuthors).
 */
export async function captureFromDoc(
  db: Db,
  briefingId: string,
  doc: Y.Doc,
  input: CaptureInput,
  loadedAt = new Date(),
): Promise<CapturedVersion | null> {
  const hash = contentHash(briefingJson(doc, briefingId));
  const stateVector = Y.encodeStateVector(doc);
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        const last = await tx.briefingVersion.findFirst({
          where: { briefingId },
          orderBy: { seq: "desc" },
          select: { seq: true, stateVector: true, contentHash: true },
        });
        if (input.skipIfUnchanged && last?.contentHash === hash) return null;
        const pending = await takeAuthors(tx, briefingId, loadedAt);
        const authors = [...new Set([...pending, ...(input.authorIds ?? [])])];
        const chain = last ? await deltasSinceCheckpoint(tx as unknown as Db, briefingId) : null;
        let checkpoint = !last || !chain || chain.count + 1 >= CHECKPOINT_EVERY;
        let data = checkpoint
          ? Y.encodeStateAsUpdateV2(doc)
          : Y.encodeStateAsUpdateV2(doc, new Uint8Array(last!.stateVector));
        if (!checkpoint && chain) {
          const full = Y.encodeStateAsUpdateV2(doc);
          if (chain.bytes + data.length > full.length / 2) {
            checkpoint = true;
            data = full;
          }
        }
        return tx.briefingVersion.create({
          data: {
            briefingId,
            seq: (last?.seq ?? 0) + 1,
            kind: input.kind,
            name: input.name ?? null,
            createdById: input.createdById ?? null,
            authorIds: JSON.stringify(authors),
            createdAt: input.now,
            checkpoint,
            data: toBytes(data),
            stateVector: toBytes(stateVector),
            contentHash: hash,
            bytes: data.length,
          },
          select: { id: true, seq: true, bytes: true, checkpoint: true },
        });
      });
    } catch (error) {
      // Two versions taken at once claim the same seq: the loser reads the winner and retries.
      if (attempt < 3 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

async function deltasSinceCheckpoint(db: Db, briefingId: string): Promise<{ count: number; bytes: number } | null> {
  const checkpoint = await db.briefingVersion.findFirst({
    where: { briefingId, checkpoint: true },
    orderBy: { seq: "desc" },
    select: { seq: true },
  });
  if (!checkpoint) return null;
  const after = await db.briefingVersion.aggregate({
    where: { briefingId, seq: { gt: checkpoint.seq } },
    _count: { _all: true },
    _sum: { bytes: true },
  });
  return { count: after._count._all, bytes: after._sum.bytes ?? 0 };
}

function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2002"
  );
}

type RawData = { seq: number | bigint; checkpoint: unknown; data: string };

/**
 * The `data` of a briefing's versions with seq in [fromSeq, toSeq], oldest first. Read as hex text:
 * Prisma maps Bytes through arrays of numbers, several times slower for a checkpoint-sized value.
 */
export async function readVersionData(
  db: Db,
  briefingId: string,
  fromSeq: number,
  toSeq: number,
): Promise<{ seq: number; checkpoint: boolean; data: Uint8Array }[]> {
  const rows =
    dbProvider(db) === "postgresql"
      ? await db.$queryRaw<RawData[]>`
          SELECT "seq", "checkpoint", encode("data", 'hex') AS "data" FROM "BriefingVersion"
          WHERE "briefingId" = ${briefingId} AND "seq" >= ${fromSeq} AND "seq" <= ${toSeq} ORDER BY "seq"`
      : await db.$queryRaw<RawData[]>`
          SELECT "seq", "checkpoint", hex("data") AS "data" FROM "BriefingVersion"
          WHERE "briefingId" = ${briefingId} AND "seq" >= ${fromSeq} AND "seq" <= ${toSeq} ORDER BY "seq"`;
  return rows.map((row) => ({
    seq: Number(row.seq),
    checkpoint: Boolean(Number(row.checkpoint)) || row.checkpoint === true,
    data: new Uint8Array(Buffer.from(row.data, "hex")),
  }));
}

/** Rebuilds the document of one version (checkpoint + deltas); null when no such version. */
export async function loadVersionDoc(db: Db, briefingId: string, versionId: string): Promise<Y.Doc | null> {
  const version = await db.briefingVersion.findFirst({
    where: { id: versionId, briefingId },
    select: { seq: true },
  });
  if (!version) return null;
  const checkpoint = await db.briefingVersion.findFirst({
    where: { briefingId, checkpoint: true, seq: { lte: version.seq } },
    orderBy: { seq: "desc" },
    select: { seq: true },
  });
  if (!checkpoint) throw new Error(`Version ${versionId} of briefing ${briefingId} has no checkpoint before it`);
  const rows = await readVersionData(db, briefingId, checkpoint.seq, version.seq);
  const doc = new Y.Doc();
  // Merging first applies the chain as one update (one integration pass instead of one per delta).
  const updates = rows.map((row) => row.data);
  Y.applyUpdateV2(doc, updates.length === 1 ? updates[0]! : Y.mergeUpdatesV2(updates));
  return doc;
}

/** The ProseMirror JSON of one version; null when no such version. */
export async function loadVersionContent(db: Db, briefingId: string, versionId: string): Promise<JSONContent | null> {
  const doc = await loadVersionDoc(db, briefingId, versionId);
  if (!doc) return null;
  try {
    return briefingJson(doc, briefingId);
  } finally {
    doc.destroy();
  }
}

/**
 * Deletes a version without losing what later versions need: its delta is merged into the next
 * version's (which then covers both periods, with both author lists), and when it was a
 * checkpoint the next version becomes one. Only for versions that have a successor (thinning
 * never removes the latest). In one transaction.
 */
export async function deleteVersionMerging(db: Db, briefingId: string, versionId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const victim = await tx.briefingVersion.findFirst({
      where: { id: versionId, briefingId },
      select: { seq: true, checkpoint: true, authorIds: true },
    });
    if (!victim) return;
    const next = await tx.briefingVersion.findFirst({
      where: { briefingId, seq: { gt: victim.seq } },
      orderBy: { seq: "asc" },
      select: { id: true, seq: true, checkpoint: true, authorIds: true },
    });
    if (!next) throw new Error("the latest version cannot be thinned away");
    if (!next.checkpoint) {
      const rows = await readVersionData(tx as unknown as Db, briefingId, victim.seq, next.seq);
      const merged = Y.mergeUpdatesV2(rows.map((row) => row.data));
      const authors = [...new Set([...parseAuthors(victim.authorIds), ...parseAuthors(next.authorIds)])];
      await tx.briefingVersion.update({
        where: { id: next.id },
        data: {
          data: toBytes(merged),
          bytes: merged.length,
          checkpoint: victim.checkpoint,
          authorIds: JSON.stringify(authors),
        },
      });
    }
    await tx.briefingVersion.delete({ where: { id: versionId } });
  });
}

/** The author ids stored on a version (tolerates a malformed value). */
export function parseAuthors(raw: string): string[] {
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === "string") : [];
  } catch {
    return [];
  }
}
