import * as Y from "yjs";
import type { Db, DbProvider } from "@/lib/db";
import { notifyNewDocumentMentions } from "@/lib/notifications/document-mentions";
import type { BriefingContent } from "./content";
import { appendRow, readRows, readSnapshotRow, type SnapshotRow } from "./log-statements";

/** What the database holds for one briefing's document. */
export type StoredBriefingState = {
  /** The compacted snapshot (Briefing.yState), null before the first one. */
  snapshot: Uint8Array | null;
  /** Logged updates not folded into the snapshot yet, oldest first. */
  updates: Uint8Array[];
  /** Briefing.yStateVersion of the snapshot read. */
  version: number;
  /** Highest log row id read (0 when none). */
  maxId: number;
  /** The briefing is soft-deleted. */
  deleted: boolean;
};

type RawSnapshotRow = { state: string | null; version: number | bigint; through: number | bigint; deleted: unknown };
/** A client or an interactive-transaction client (both can run raw queries). */
type Queryable = Pick<Db, "$queryRaw" | "$executeRaw">;

export type CompactOptions = {
  /**
   * The live document of a loaded room. The snapshot is then encoded from it (cheap) after the
   * logged rows, and the stored snapshot if another writer replaced it, are applied to it (they are
   * usually already in it; Yjs ignores what it already has). Without it a document is rebuilt.
   */
  doc?: Y.Doc;
  /** The snapshot version the live document already contains (from its load or last compaction). */
  knownVersion?: number;
  /** Transaction origin for updates applied to the live document while compacting. */
  origin?: unknown;
};

export type CompactionResult =
  | { status: "compacted"; version: number; folded: number }
  | { status: "clean"; version: number }
  | { status: "busy" | "conflict" | "missing" };

class CompactionConflict extends Error {}

const DELETE_CHUNK = 500;

/**
 * The durable log of a briefing's Yjs document: Briefing.yState (snapshot) plus BriefingUpdate
 * rows (append-only until compaction folds them into the snapshot).
 *
 * The rows that remain after a compaction are exactly the ones it did not fold, because it deletes
 * the ids it read rather than a range: on PostgreSQL a row with a lower id can commit after a row
 * with a higher id, and a range delete would drop it unread. Loading therefore applies every
 * remaining row (Yjs ignores updates it already has), not only those above yStateThrough.
 */
export class BriefingUpdateLog {
  constructor(
    readonly db: Db,
    readonly provider: DbProvider,
  ) {}

  /** Reads a briefing's document state; null when the briefing does not exist. */
  async load(briefingId: string): Promise<StoredBriefingState | null> {
    // Rows first, then the snapshot: a compaction committing in between folds the rows we read
    // into the snapshot we read next, so nothing can fall between the two reads.
    const rows = await readRows(this.db, briefingId);
    const briefing = await readSnapshotRow(this.db, briefingId);
    if (!briefing) return null;
    return {
      snapshot: briefing.snapshot,
      updates: rows.map((row) => row.data),
      version: briefing.version,
      maxId: rows.at(-1)?.id ?? 0,
      deleted: briefing.deleted,
    };
  }

  /**
   * What others stored since a reader last looked: the rows above `afterId`, and the snapshot when
   * a compaction replaced it since `knownVersion` (the rows it folded are gone, their content is in
   * it). Same read order as `load`. Null when the briefing no longer exists.
   */
  async changesSince(
    briefingId: string,
    afterId: number,
    knownVersion: number,
  ): Promise<{ updates: Uint8Array[]; maxId: number; snapshot: Uint8Array | null; version: number } | null> {
    const rows = await readRows(this.db, briefingId, afterId);
    const current = await this.db.briefing.findUnique({ where: { id: briefingId }, select: { yStateVersion: true } });
    if (!current) return null;
    let snapshot: Uint8Array | null = null;
    let version = knownVersion;
    if (current.yStateVersion !== knownVersion) {
      const read = await readSnapshotRow(this.db, briefingId);
      if (!read) return null;
      snapshot = read.snapshot;
      version = read.version;
    }
    const updates = rows.map((row) => row.data);
    return { updates, maxId: rows.at(-1)?.id ?? afterId, snapshot, version };
  }

  // The snapshot read inside a compaction's interactive transaction, which log-statements.ts cannot
  // join (on SQLite it would wait for that transaction's own lock). Prisma maps a Bytes value
  // through a JavaScript array of numbers: reading a 700 KB snapshot takes ~150 ms that way,
  // against ~15 ms as hex text. The compaction's rows go through Prisma as usual.
  private async readSnapshot(client: Queryable, briefingId: string): Promise<SnapshotRow | null> {
    const rows =
      this.provider === "postgresql"
        ? await client.$queryRaw<RawSnapshotRow[]>`
            SELECT encode("yState", 'hex') AS "state", "yStateVersion" AS "version",
              "yStateThrough" AS "through", ("deletedAt" IS NOT NULL) AS "deleted"
            FROM "Briefing" WHERE "id" = ${briefingId}`
        : await client.$queryRaw<RawSnapshotRow[]>`
            SELECT hex("yState") AS "state", "yStateVersion" AS "version",
              "yStateThrough" AS "through", ("deletedAt" IS NOT NULL) AS "deleted"
            FROM "Briefing" WHERE "id" = ${briefingId}`;
    const row = rows[0];
    if (!row) return null;
    return {
      snapshot: row.state ? new Uint8Array(Buffer.from(row.state, "hex")) : null, // SQLite: hex(NULL) = ''
      version: Number(row.version),
      through: Number(row.through),
      deleted: Boolean(Number(row.deleted)),
    };
  }

  private async writeSnapshot(
    client: Queryable,
    briefingId: string,
    read: SnapshotRow,
    snapshot: Uint8Array,
    through: number,
  ) {
    const hex = Buffer.from(snapshot.buffer, snapshot.byteOffset, snapshot.byteLength).toString("hex");
    const version = read.version + 1;
    return this.provider === "postgresql"
      ? client.$executeRaw`
          UPDATE "Briefing" SET "yState" = decode(${hex}, 'hex'), "yStateThrough" = ${through}, "yStateVersion" = ${version}
          WHERE "id" = ${briefingId} AND "yStateVersion" = ${read.version}`
      : client.$executeRaw`
          UPDATE "Briefing" SET "yState" = unhex(${hex}), "yStateThrough" = ${through}, "yStateVersion" = ${version}
          WHERE "id" = ${briefingId} AND "yStateVersion" = ${read.version}`;
  }

  /** Appends one (merged) Yjs update to the log; resolves with its row id once committed. */
  async append(briefingId: string, data: Uint8Array): Promise<number> {
    // Awaited here so an error's stack names the log, not only the statement's helper.
    return await appendRow(this.db, briefingId, data);
  }

  /**
   * Folds the logged rows into a new snapshot in one transaction: reads snapshot and rows, writes
   * the snapshot only if yStateVersion is still the one read (optimistic check), deletes the rows
   * it folded. On PostgreSQL it first takes a transaction-scoped advisory lock on the briefing and
   * reports "busy" when another instance holds it.
   */
  async compact(briefingId: string, options: CompactOptions = {}): Promise<CompactionResult> {
    try {
      return await this.db.$transaction(
        async (tx) => {
          if (this.provider === "postgresql") {
            const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`
              SELECT pg_try_advisory_xact_lock(hashtext(${briefingId})) AS locked`;
            if (!lock?.locked) return { status: "busy" } as const;
          }
          const briefing = await this.readSnapshot(tx, briefingId);
          if (!briefing) return { status: "missing" } as const;
          const rows = await tx.briefingUpdate.findMany({
            where: { briefingId },
            orderBy: { id: "asc" },
            select: { id: true, data: true },
          });
          if (rows.length === 0) return { status: "clean", version: briefing.version } as const;

          // A live document already holds the snapshot it was loaded from or last wrote.
          const needsStored = !options.doc || briefing.version !== options.knownVersion;
          const snapshot = encodeSnapshot(
            needsStored ? briefing.snapshot : null,
            rows.map((row) => new Uint8Array(row.data)),
            options,
          );
          const through = Math.max(briefing.through, rows[rows.length - 1]!.id);
          const written = await this.writeSnapshot(tx, briefingId, briefing, snapshot, through);
          if (written !== 1) throw new CompactionConflict();
          for (let i = 0; i < rows.length; i += DELETE_CHUNK) {
            const ids = rows.slice(i, i + DELETE_CHUNK).map((row) => row.id);
            await tx.briefingUpdate.deleteMany({ where: { id: { in: ids } } });
          }
          return { status: "compacted", version: briefing.version + 1, folded: rows.length } as const;
        },
        { maxWait: 10_000, timeout: 60_000 },
      );
    } catch (error) {
      if (error instanceof CompactionConflict) return { status: "conflict" };
      throw error;
    }
  }

  /**
   * Stores the derived ProseMirror JSON and plain text of a briefing. NUL characters (any editor can
   * put them in the document) are dropped from the text: PostgreSQL refuses them in text columns,
   * which would fail this write for good. The JSON escapes them.
   */
  async writeContent(briefingId: string, content: BriefingContent): Promise<void> {
    // Newly @mentioned people are notified against the content stored so far (before it is replaced).
    await notifyNewDocumentMentions(this.db, briefingId, content.json);
    const contentText = content.text.replaceAll("\u0000", "");
    await this.db.briefing.updateMany({
      where: { id: briefingId },
      data: { contentJson: JSON.stringify(content.json), contentText, contentUpdatedAt: new Date() },
    });
  }
}

/** Applies the stored state (snapshot, then the logged rows merged) to a document. */
export function applyStoredState(
  doc: Y.Doc,
  state: Pick<StoredBriefingState, "snapshot" | "updates">,
  origin?: unknown,
) {
  if (state.snapshot) Y.applyUpdate(doc, state.snapshot, origin);
  if (state.updates.length === 1) Y.applyUpdate(doc, state.updates[0]!, origin);
  else if (state.updates.length > 1) Y.applyUpdate(doc, Y.mergeUpdates(state.updates), origin);
}

function encodeSnapshot(storedSnapshot: Uint8Array | null, rows: Uint8Array[], options: CompactOptions): Uint8Array {
  const doc = options.doc ?? new Y.Doc();
  try {
    applyStoredState(doc, { snapshot: storedSnapshot, updates: rows }, options.origin);
    return Y.encodeStateAsUpdate(doc);
  } finally {
    if (!options.doc) doc.destroy();
  }
}

/** Prisma's Bytes type wants a Uint8Array over a plain ArrayBuffer; Yjs types it more loosely. */
export function toBytes(data: Uint8Array): Uint8Array<ArrayBuffer> {
  return data.buffer instanceof ArrayBuffer ? (data as Uint8Array<ArrayBuffer>) : new Uint8Array(data);
}
