import { processWide } from "@/lib/process-wide";
import { decodeMatrixPayload } from "./payload";
import { prepareMatrix } from "./prepare";
import type { PreparedMatrix } from "./types";

/**
 * Matrix data of one selection at one catalog version: the packed payload (what the /compare page
 * hands to the browser and GET /api/compare/data sends) and, decoded once when first needed, the
 * prepared matrix the server reads (view-state checks, CSV, embeds). Shared by every request of the
 * process and never mutated (the prepared matrix's caches only save work), so a view of it costs
 * no database round trip. A request holds the entry it got: nothing renders by looking it up again.
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

/** Least recently used first: a Map keeps insertion order, and a hit re-inserts its entry. */
type Store = { entries: Map<string, CachedMatrix>; chars: number };

const store = () => processWide<Store>("matrix-data-cache", () => ({ entries: new Map(), chars: 0 }));

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
  const { entries } = store();
  const entry = entries.get(key);
  if (entry) {
    entries.delete(key);
    entries.set(key, entry);
  }
  return entry;
}

/**
 * Stores an entry (as just used) and returns whether it was kept. The payloads never exceed
 * MAX_PAYLOAD_CHARS: entries of older catalog versions go first (nobody asks for them again once
 * the catalog has moved on), then the least recently used. An entry larger than the whole bound
 * is not kept.
 */
export function storeCachedMatrix(entry: CachedMatrix): boolean {
  const s = store();
  const remove = (key: string) => {
    const old = s.entries.get(key);
    if (!old) return;
    s.entries.delete(key);
    s.chars -= old.payload.length;
  };
  remove(entry.key);
  if (entry.payload.length > MAX_PAYLOAD_CHARS) return false;
  for (const [key, old] of s.entries) if (old.version < entry.version) remove(key);
  for (const key of [...s.entries.keys()]) if (s.chars + entry.payload.length > MAX_PAYLOAD_CHARS) remove(key);
  s.entries.set(entry.key, entry);
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
  s.chars = 0;
}
