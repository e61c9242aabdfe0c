import { WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { type BriefingUpdateLog, toBytes } from "@/lib/briefings/doc/update-log";
import type { Db } from "@/lib/db";
import type { History } from "./history";

/**
 * Stores a history as the server would have left it: folded into one compacted snapshot (as after
 * a clean unload), plus with `tailRows` the last batches still in the log (as after a crash; the
 * server compacts every 500 rows, so 250 is the average tail). The folded part is appended as one
 * row before compacting: the resulting snapshot is the same as from thousands of rows, faster.
 */
export async function storeHistory(log: BriefingUpdateLog, briefingId: string, history: History, tailRows: number) {
  const head = history.batches.length - tailRows;
  const folded = new Y.Doc(); // Y.mergeUpdates is far slower over tens of thousands of updates
  for (let i = 0; i < head; i++) Y.applyUpdate(folded, history.batches[i]!);
  await log.append(briefingId, Y.encodeStateAsUpdate(folded));
  folded.destroy();
  await log.compact(briefingId);
  for (let i = head; i < history.batches.length; i++) await log.append(briefingId, history.batches[i]!);
  return { tailRows };
}

/**
 * What the database holds for a briefing's document now, and a function that puts it back: each
 * cold open then finds the briefing as storeHistory left it (a server's first open of a briefing
 * with a log tail rewrites its content, and its clean stop compacts the tail away).
 */
export async function keepStored(db: Db, briefingId: string): Promise<() => Promise<void>> {
  const fields = {
    yState: true,
    yStateThrough: true,
    yStateVersion: true,
    contentJson: true,
    contentText: true,
    contentUpdatedAt: true,
  } as const;
  const kept = await db.briefing.findUniqueOrThrow({ where: { id: briefingId }, select: fields });
  const rows = await db.briefingUpdate.findMany({ where: { briefingId }, orderBy: { id: "asc" } });
  return async () => {
    await db.$transaction([
      db.briefingUpdate.deleteMany({ where: { briefingId } }),
      db.briefing.update({
        where: { id: briefingId },
        data: { ...kept, yState: kept.yState && toBytes(kept.yState) },
      }),
      ...rows.map((row) => db.briefingUpdate.create({ data: { ...row, data: toBytes(row.data) } })),
    ]);
  };
}

/**
 * Opens a briefing with the stock y-websocket client and resolves with the time from creating
 * the provider until it has synced and holds the whole stored state (`expected` state vector).
 * The client stays connected until `close` is called.
 */
export async function timeColdOpen(
  url: string,
  briefingId: string,
  token: string,
  expected: Map<number, number>,
): Promise<{ ms: number; doc: Y.Doc; close: () => void }> {
  const doc = new Y.Doc();
  const complete = () =>
    provider.synced && [...expected].every(([client, clock]) => Y.getState(doc.store, client) >= clock);
  const started = performance.now();
  const provider = new WebsocketProvider(url, briefingId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { token },
    disableBc: true,
  });
  await new Promise<void>((resolve) => {
    const check = () => {
      if (!complete()) return;
      doc.off("update", check);
      provider.off("sync", check);
      resolve();
    };
    doc.on("update", check);
    provider.on("sync", check);
  });
  const ms = performance.now() - started;
  return { ms, doc, close: () => provider.destroy() };
}

/**
 * What the stock client needs to apply a whole document from memory: `update` applied to a fresh
 * Y.Doc with a y-websocket provider attached but not connected (the provider listens to the
 * document's updates, so Yjs encodes each applied transaction for it, as in a real open), or with
 * `bare`, to a Y.Doc alone (printed for reference).
 */
export function applyFromMemoryMs(update: Uint8Array, bare = false): number {
  const doc = new Y.Doc();
  const provider = bare
    ? null
    : new WebsocketProvider("ws://127.0.0.1:9/unused", "from-memory", doc, {
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        connect: false,
        disableBc: true,
      });
  const started = performance.now();
  Y.applyUpdate(doc, update);
  const ms = performance.now() - started;
  provider?.destroy();
  doc.destroy();
  return ms;
}
