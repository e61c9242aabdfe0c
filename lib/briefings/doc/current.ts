import type { JSONContent } from "@tiptap/core";
import * as Y from "yjs";
import type { Db } from "@/lib/db";
import { briefingJson } from "./content";
import { applyStoredState, briefingLog } from "./update-log";

const EMPTY_DOC: JSONContent = { type: "doc", content: [] };
const CACHE_SIZE = 32;

// Reading Yjs bytes through Prisma's driver adapters is costly (each byte becomes a JS number on
// the way), and a share page polls every two seconds; so the derived JSON is kept per briefing,
// keyed by what identifies the stored state: the snapshot version and the ids of the logged rows.
const caches = new WeakMap<Db, Map<string, { key: string; json: JSONContent }>>();

function cacheOf(db: Db) {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  return cache;
}

/** Forgets the cached content (benchmarks measure the uncached path with it). */
export function clearContentCache(db: Db): void {
  caches.delete(db);
}

/** A cheap fingerprint of a briefing's stored document (no bytes read); null when it does not exist. */
async function stateKey(db: Db, briefingId: string): Promise<string | null> {
  const [briefing, rows] = await Promise.all([
    db.briefing.findUnique({ where: { id: briefingId }, select: { yStateVersion: true, updatedAt: true } }),
    db.briefingUpdate.findMany({ where: { briefingId }, orderBy: { id: "asc" }, select: { id: true } }),
  ]);
  if (!briefing) return null;
  // updatedAt covers the contentJson fallback of briefings that have no Yjs state yet.
  return `${briefing.yStateVersion}:${briefing.updatedAt.getTime()}:${rows.map((r) => r.id).join(",")}`;
}

async function readContent(db: Db, briefingId: string): Promise<JSONContent | null> {
  const state = await briefingLog(db).load(briefingId);
  if (!state) return null;
  if (state.snapshot || state.updates.length) {
    const doc = new Y.Doc();
    try {
      applyStoredState(doc, state);
      return briefingJson(doc, briefingId);
    } finally {
      doc.destroy();
    }
  }
  const row = await db.briefing.findUnique({ where: { id: briefingId }, select: { contentJson: true } });
  if (!row?.contentJson) return EMPTY_DOC;
  try {
    const json = JSON.parse(row.contentJson) as JSONContent;
    return json && typeof json === "object" ? json : EMPTY_DOC;
  } catch {
    return EMPTY_DOC;
  }
}

/**
 * The current document of a briefing as ProseMirror JSON, read from the durable Yjs state (the
 * compacted snapshot plus every logged update) rather than from Briefing.contentJson, which is
 * refreshed with a debounce and may be seconds behind. A live room persists its updates within
 * its batch delay, so this is what an editor sees, give or take that delay. Falls back to
 * contentJson only for briefings that have no Yjs state at all. Null when the briefing does not
 * exist. The result is shared with later callers: treat it as read-only.
 */
export async function loadCurrentContent(db: Db, briefingId: string): Promise<JSONContent | null> {
  const key = await stateKey(db, briefingId);
  if (key === null) return null;
  const cache = cacheOf(db);
  const hit = cache.get(briefingId);
  if (hit?.key === key) {
    cache.delete(briefingId); // most recently used last
    cache.set(briefingId, hit);
    return hit.json;
  }
  // Content read after the key is at least as new as the key, so it never serves stale text:
  // a newer state has a different key and misses.
  const json = await readContent(db, briefingId);
  if (json === null) return null;
  cache.delete(briefingId);
  cache.set(briefingId, { key, json });
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return json;
}
