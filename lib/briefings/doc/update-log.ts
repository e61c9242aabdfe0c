import * as Y from "yjs";
import type { NotificationDraft } from "@/lib/notifications/create";
import { newMentionDrafts } from "@/lib/notifications/mention-drafts";
import type { BriefingContent } from "./content";
import {
  appendRow,
  inCompaction,
  type LogConnection,
  logConnectionOf,
  Rollback,
  readContentJson,
  readRows,
  readSnapshotRow,
  readSnapshotVersion,
  readStaleContentIds,
  writeContentRow,
} from "./log-statements";

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
  constructor(readonly connection: LogConnection) {}

  /** Reads a briefing's document state; null when the briefing does not exist. */
  async load(briefingId: string): Promise<StoredBriefingState | null> {
    // Rows first, then the snapshot: a compaction committing in between folds the rows we read
    // into the snapshot we read next, so nothing can fall between the two reads.
    const rows = await readRows(this.connection, briefingId);
    const briefing = await readSnapshotRow(this.connection, briefingId);
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
    const rows = await readRows(this.connection, briefingId, afterId);
    const current = await readSnapshotVersion(this.connection, briefingId);
    if (current === null) return null;
    let snapshot: Uint8Array | null = null;
    let version = knownVersion;
    if (current !== knownVersion) {
      const read = await readSnapshotRow(this.connection, briefingId);
      if (!read) return null;
      snapshot = read.snapshot;
      version = read.version;
    }
    const updates = rows.map((row) => row.data);
    return { updates, maxId: rows.at(-1)?.id ?? afterId, snapshot, version };
  }

  /** Appends one (merged) Yjs update to the log; resolves with its row id once committed. */
  async append(briefingId: string, data: Uint8Array): Promise<number> {
    // Awaited here so an error's stack names the log, not only the statement's helper.
    return await appendRow(this.connection, briefingId, data);
  }

  /**
   * Folds the logged rows into a new snapshot in one transaction: reads snapshot and rows, writes
   * the snapshot only if yStateVersion is still the one read (optimistic check), deletes the rows
   * it folded. On PostgreSQL it first takes a transaction-scoped advisory lock on the briefing and
   * reports "busy" when another instance holds it.
   */
  async compact(briefingId: string, options: CompactOptions = {}): Promise<CompactionResult> {
    return inCompaction(this.connection, briefingId, async (tx): Promise<CompactionResult> => {
      if (!(await tx.tryLock())) return { status: "busy" };
      const briefing = await tx.snapshot();
      if (!briefing) return { status: "missing" };
      const rows = await tx.rows();
      if (rows.length === 0) return { status: "clean", version: briefing.version };
      // A live document already holds the snapshot it was loaded from or last wrote.
      const needsStored = !options.doc || briefing.version !== options.knownVersion;
      const snapshot = encodeSnapshot(
        needsStored ? briefing.snapshot : null,
        rows.map((row) => row.data),
        options,
      );
      const through = Math.max(briefing.through, rows[rows.length - 1]!.id);
      if ((await tx.writeSnapshot(briefing, snapshot, through)) !== 1) throw new Rollback({ status: "conflict" });
      await tx.deleteRows(rows.map((row) => row.id));
      return { status: "compacted", version: briefing.version + 1, folded: rows.length };
    });
  }

  /**
   * Stores the derived ProseMirror JSON and plain text of a briefing, and resolves with the
   * notifications of the people it newly @mentions (against the content stored so far), for the
   * caller to deliver (notifyDocumentMentions: this thread may have no Prisma). NUL characters (any
   * editor can put them in the document) are dropped from the text: PostgreSQL refuses them in text
   * columns, which would fail this write for good. The JSON escapes them.
   */
  async writeContent(briefingId: string, content: BriefingContent): Promise<NotificationDraft[]> {
    const mentions = await newMentionDrafts(briefingId, content.json, () =>
      readContentJson(this.connection, briefingId),
    );
    await writeContentRow(
      this.connection,
      briefingId,
      JSON.stringify(content.json),
      content.text.replaceAll("\u0000", ""),
    );
    return mentions;
  }

  /** Briefings whose log outran their derived content (see stale-content.ts). */
  staleContent(): Promise<string[]> {
    return readStaleContentIds(this.connection);
  }
}

/** The log over the connection under the app's Prisma client. */
export function briefingLog(db: object): BriefingUpdateLog {
  return new BriefingUpdateLog(logConnectionOf(db));
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
