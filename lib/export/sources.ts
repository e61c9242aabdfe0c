import { formatDate } from "@/lib/catalog/format";
import type { SourceEntry } from "./types";
import { safeUrl } from "./urls";

/** A citation as the catalog stores it. */
export type CitedSource = { title: string; url: string; publisher?: string | null; accessed?: string | null };

/**
 * Numbers the sources of a document in order of first citation, one number per URL: the same
 * page cited by two cards or cells gets one entry and one number.
 */
export class SourceRegistry {
  private readonly byKey = new Map<string, number>();
  private readonly checked = new Map<string, string | null>();
  readonly entries: SourceEntry[] = [];

  /** The number of a source (registering it on first sight). */
  cite(source: CitedSource): number {
    let url = this.checked.get(source.url);
    if (url === undefined) {
      url = safeUrl(source.url);
      this.checked.set(source.url, url);
    }
    const key = url ?? source.url.trim();
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    const n = this.entries.length + 1;
    this.entries.push({
      n,
      title: source.title,
      url,
      rawUrl: source.url,
      publisher: source.publisher ?? null,
      accessed: source.accessed ? formatDate(source.accessed) : null,
    });
    this.byKey.set(key, n);
    return n;
  }

  /** Numbers of several sources, without duplicates, ascending. */
  citeAll(sources: readonly CitedSource[]): number[] {
    // Numbered in order of citation, listed in ascending order ("[1][2]", as readers expect).
    return [...new Set(sources.map((s) => this.cite(s)))].sort((a, b) => a - b);
  }
}

/** "[1][4]" (empty for no references): how every text format writes references. */
export function refsText(refs: readonly number[]): string {
  return refs.map((n) => `[${n}]`).join("");
}
