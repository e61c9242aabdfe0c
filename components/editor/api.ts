import type { FrameworkDetail, FrameworkSummary } from "@/lib/catalog/types";
import type { ComparisonOption } from "@/lib/comparisons/embed";

/** GETs JSON from the app's API; throws an Error with the server's message on failure. */
async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, { signal, cache: "no-store" });
  const body = (await response.json().catch(() => null)) as (T & { error?: { message?: string } }) | null;
  if (!response.ok || !body) throw new Error(body?.error?.message ?? `The server answered ${response.status}.`);
  return body;
}

/** Catalog search (GET /api/frameworks?q=). */
export async function searchFrameworks(q: string, signal?: AbortSignal): Promise<FrameworkSummary[]> {
  const query = q.trim() ? `?q=${encodeURIComponent(q.trim())}` : "";
  return (await getJson<{ frameworks: FrameworkSummary[] }>(`/api/frameworks${query}`, signal)).frameworks;
}

/** One framework as the catalog has it now (GET /api/frameworks/:slug). */
export function frameworkUrl(slug: string): string {
  return `/api/frameworks/${encodeURIComponent(slug)}`;
}

export async function fetchFramework(slug: string): Promise<FrameworkDetail> {
  return getJson<FrameworkDetail>(frameworkUrl(slug));
}

/** The caller's saved comparisons (GET /api/comparisons). */
export async function listComparisons(signal?: AbortSignal): Promise<ComparisonOption[]> {
  return (await getJson<{ comparisons: ComparisonOption[] }>("/api/comparisons", signal)).comparisons;
}

/** A saved comparison as embedded in a briefing (the embed rule of that briefing applies). */
export function comparisonUrl(id: string, briefingId: string): string {
  return `/api/comparisons/${encodeURIComponent(id)}?briefing=${encodeURIComponent(briefingId)}`;
}
