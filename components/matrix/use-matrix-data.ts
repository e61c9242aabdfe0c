"use client";

import { use } from "react";
import { readCachedMatrix } from "@/lib/matrix/data-cache";
import { decodeMatrixPayload } from "@/lib/matrix/payload";
import { prepareMatrix } from "@/lib/matrix/prepare";
import type { PreparedMatrix } from "@/lib/matrix/types";
import { markMatrixData } from "./perf";

/** Where a comparison's data comes from: the server's cache entry, and its copy over HTTP. */
export type MatrixSource = {
  /** Cache key on the server (lib/matrix/data-cache). */
  key: string;
  /** GET /api/compare/data URL of the same data, preloaded by the page. */
  path: string;
};

export type MatrixLoad = { prepared: PreparedMatrix; error?: undefined } | { prepared?: undefined; error: string };

/** Loads by URL; the few most recent are kept, so going back to a comparison needs no new request. */
const loads = new Map<string, Promise<MatrixLoad>>();
const KEEP = 4;

async function fetchMatrix(path: string): Promise<MatrixLoad> {
  try {
    const response = await fetch(path);
    if (!response.ok) {
      const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
      return { error: body?.error?.message ?? `The server answered ${response.status}.` };
    }
    const payload = await response.text();
    markMatrixData();
    const { data, coding } = decodeMatrixPayload(payload);
    return { prepared: prepareMatrix(data, coding) };
  } catch {
    return { error: "The server could not be reached: check your connection." };
  }
}

function load(path: string): Promise<MatrixLoad> {
  let promise = loads.get(path);
  if (!promise) {
    const loading = fetchMatrix(path);
    // Marked as React marks the promises it has seen settle: `use` then returns the value at
    // once, where a promise it has not seen yet would suspend for one more round.
    loading.then((value) => Object.assign(loading, { status: "fulfilled", value }));
    promise = loading;
    loads.set(path, promise);
    for (const old of loads.keys()) if (loads.size > KEEP && old !== path) loads.delete(old);
  }
  return promise;
}

/** Forgets a failed load, so the next render asks again. */
export function forgetMatrixLoad(path: string): void {
  loads.delete(path);
}

/**
 * The prepared matrix of a comparison. The server renders from its own cache (the page put the
 * entry there a moment before), so the HTML holds the grid but not the data; the browser fetches the
 * data (already preloaded) and suspends meanwhile: during hydration React keeps showing the
 * server's HTML and hydrates it once the data is there.
 */
export function useMatrixData(source: MatrixSource): MatrixLoad {
  if (typeof window === "undefined") {
    const entry = readCachedMatrix(source.key);
    // Not expected: the page read this entry a moment ago, and entries read in the last seconds are
    // evicted last (see storeCachedMatrix); only a flood of new selections larger than the whole
    // cache within that moment gets here, and the visitor is asked to try again.
    if (!entry) throw new Error("The comparison data was no longer in the server's cache.");
    return { prepared: entry.prepared() };
  }
  return use(load(source.path));
}
