"use client";

import { useEffect, useState } from "react";
import type { FrameworkDetail } from "@/lib/catalog/types";
import type { MatrixSource } from "@/lib/matrix/types";

export type CellDetails = { note: string | null; sources: MatrixSource[] };
type Loaded = Map<string, CellDetails>;

// One request per framework for the page's lifetime; a failed one is forgotten, so it can be retried.
const cache = new Map<string, Promise<Loaded>>();

function load(slug: string): Promise<Loaded> {
  let pending = cache.get(slug);
  if (!pending) {
    pending = fetch(`/api/frameworks/${encodeURIComponent(slug)}`)
      .then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.json() as Promise<FrameworkDetail>;
      })
      .then(
        (f) => new Map(f.groups.flatMap((g) => g.attributes.map((a) => [a.key, { note: a.note, sources: a.sources }]))),
      );
    pending.catch(() => cache.delete(slug));
    cache.set(slug, pending);
  }
  return pending;
}

/**
 * The note and sources of one cell when the matrix data left them out (large selections):
 * fetched with the framework's detail from the catalog API. A null slug means nothing to load.
 */
export function useCellDetails(slug: string | null, key: string) {
  const id = slug ? `${slug}/${key}` : null;
  const [result, setResult] = useState<{ id: string; details?: CellDetails; failed?: boolean } | null>(null);
  useEffect(() => {
    if (!slug || !id) return;
    let live = true;
    load(slug).then(
      (loaded) => live && setResult({ id, details: loaded.get(key) ?? { note: null, sources: [] } }),
      () => live && setResult({ id, failed: true }),
    );
    return () => {
      live = false;
    };
  }, [id, slug, key]);
  if (!id) return { status: "none" as const };
  if (result?.id !== id) return { status: "loading" as const };
  return result.failed ? { status: "failed" as const } : { status: "loaded" as const, details: result.details! };
}
