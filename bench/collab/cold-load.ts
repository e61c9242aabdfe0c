import { WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import type { BriefingUpdateLog } from "@/lib/briefings/update-log";
import type { History } from "./history";

/**
 * Stores a history the way the server would have: every batch appended to the log, compaction
 * after `compactEvery` rows, so the briefing ends as a snapshot plus a tail of recent rows.
 * Compaction is done once, over all but the tail, to keep the set-up fast.
 */
export async function storeHistory(log: BriefingUpdateLog, briefingId: string, history: History, compactEvery = 200) {
  const tail = history.batches.length % compactEvery || compactEvery;
  const head = history.batches.length - tail;
  for (let i = 0; i < head; i++) await log.append(briefingId, history.batches[i]!);
  await log.compact(briefingId);
  for (let i = head; i < history.batches.length; i++) await log.append(briefingId, history.batches[i]!);
  return { tailRows: tail };
}

/**
 * Opens a briefing with the stock y-websocket client and resolves with the time from creating
 * the provider until it has synced and holds the whole stored state (`expected` state vector).
 */
export async function timeColdOpen(
  url: string,
  briefingId: string,
  token: string,
  expected: Map<number, number>,
): Promise<{ ms: number; doc: Y.Doc }> {
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
  provider.destroy();
  return { ms, doc };
}
