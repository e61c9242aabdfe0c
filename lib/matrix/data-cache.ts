import { processWide } from "@/lib/process-wide";
import { decodeMatrixPayload } from "./payload";
import { prepareMatrix } from "./prepare";
import type { PreparedMatrix } from "./types";

/**
 * Matrix data of one selection at one catalog version: the packed payload (what GET
 * /api/compare/data sends) and, decoded once when first needed, the prepared matrix the server
 * renders from. Shared by every request of the process and never mutated (the prepared matrix's
 * caches only save work), so a view of it costs no database round trip.
 */
export type CachedMatrix = {
  /** matrixKey(version, query): equal keys hold equal data. */
  key: string;
  version: number;
  /** The selection's canonical query string (selectionQuery). */
  query: string;
  payload: string;
  prepared: () => PreparedMatrix;
};

/**
 * Bound of the cache: the sum of the payloads' lengths. Decoded data takes a few times as much:
 * 2,000 frameworks x 60 dimensions is a 1 MB payload and about 5 MB in all.
 */
export const MAX_PAYLOAD_CHARS = 8 * 1024 * 1024;

/**
 * An entry read this recently is evicted after all others: the page that read it renders its HTML
 * from it a moment later (see components/matrix/use-matrix-data.ts). It still counts against the
 * bound and goes when nothing else is left to evict: anonymous requests for ever new selections
 * must not grow the process without limit (a page that then misses its entry renders the matrix in
 * the browser instead).
 */
const PIN_MS = 10_000;

/** Least recently used first: a Map keeps insertion order, and a hit re-inserts its entry. */
type Store = { entries: Map<string, CachedMatrix>; usedAt: Map<string, number>; chars: number };

const store = () =>
  processWide<Store>("matrix-data-cache", () => ({ entries: new Map(), usedAt: new Map(), chars: 0 }));

/** The cache key of a selection's data (its canonical query string) at a catalog version. */
export const matrixKey = (version: number, query: string) => `${version}|${query}`;

/** A cache entry for `payload`, decoding it on first use. */
export function cachedMatrix(version: number, query: string, payload: string): CachedMatrix {
  let prepared: PreparedMatrix | undefined;
  return {
    key: matrixKey(version, query),
    version,
    query,
    payload,
    prepared: () => {
      if (!prepared) {
        const { data, coding } = decodeMatrixPayload(payload);
        prepared = prepareMatrix(data, coding);
      }
      return prepared;
    },
  };
}

/** The entry under `key`, marked as just used; undefined when it was never stored or was evicted. */
export function readCachedMatrix(key: string): CachedMatrix | undefined {
  const { entries, usedAt } = store();
  const entry = entries.get(key);
  if (entry) {
    entries.delete(key);
    entries.set(key, entry);
    usedAt.set(key, Date.now());
  }
  return entry;
}

/**
 * Stores an entry (as just used) and returns whether it was kept. The payloads never exceed
 * MAX_PAYLOAD_CHARS: entries of older catalog versions go first (nobody asks for them again once
 * the catalog has moved on), then the least recently used, those read in the last PIN_MS last. An
 * entry larger than the whole bound is not kept.
 */
export function storeCachedMatrix(entry: CachedMatrix): boolean {
  const now = Date.now();
  const s = store();
  const remove = (key: string) => {
    const old = s.entries.get(key);
    if (!old) return;
    s.entries.delete(key);
    s.usedAt.delete(key);
    s.chars -= old.payload.length;
  };
  remove(entry.key);
  if (entry.payload.length > MAX_PAYLOAD_CHARS) return false;
  const pinned = (key: string) => now - (s.usedAt.get(key) ?? 0) < PIN_MS;
  for (const [key, old] of s.entries) if (old.version < entry.version && !pinned(key)) remove(key);
  const fits = () => s.chars + entry.payload.length <= MAX_PAYLOAD_CHARS;
  for (const key of [...s.entries.keys()]) if (!fits() && !pinned(key)) remove(key);
  for (const key of [...s.entries.keys()]) if (!fits()) remove(key);
  s.entries.set(entry.key, entry);
  s.usedAt.set(entry.key, now);
  s.chars += entry.payload.length;
  return true;
}

/** The sum of the cached payloads' lengths (what MAX_PAYLOAD_CHARS bounds). */
export function cachedMatrixChars(): number {
  return store().chars;
}

/** Empties the cache (tests). */
export function clearCachedMatrices(): void {
  const s = store();
  s.entries.clear();
  s.usedAt.clear();
  s.chars = 0;
}
