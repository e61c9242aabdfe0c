import { createHash } from "node:crypto";
import type { ExportFile } from "./render";
import type { ExportDocument, ExportFormat, RenderOptions } from "./types";

/**
 * The cache key of an export: a hash of the format and the whole resolved document. The document
 * is what the file is made of (stored Yjs state, title, authors, marking, date, every embedded
 * card and comparison as the catalog has them now, the base URL of links), so an unchanged
 * briefing hits and any change to it or to the catalog it cites misses, with no version counters
 * to keep in step. Building the document is a few queries; rendering is the expensive part.
 * The export time is left out, or no two downloads a minute apart would share a file: a cached
 * file says its live cards are "as of" its first render, when the catalog data it shows was
 * exactly what it is now (any change to that data changes the key).
 */
export function exportCacheKey(doc: ExportDocument, format: ExportFormat, options: RenderOptions = {}): string {
  const { exportedAt: _time, ...content } = doc;
  return createHash("sha256")
    .update(format)
    .update("\0")
    .update(
      JSON.stringify({
        pageSize: options.pageSize ?? "a4",
        toc: options.toc ?? "auto",
        suggestions: options.suggestions ?? "accepted",
        comments: Boolean(options.comments),
      }),
    )
    .update("\0")
    .update(JSON.stringify(content))
    .digest("hex");
}

/**
 * Rendered exports by key, least recently used first out, holding at most `maxBytes` of files.
 * Renders of a key already under way are shared: ten people downloading the same briefing at once
 * cost one render.
 */
export class ExportCache {
  private readonly files = new Map<string, ExportFile>();
  private readonly inFlight = new Map<string, Promise<ExportFile>>();
  private bytes = 0;

  constructor(readonly maxBytes: number) {}

  /** The cached file for `key` ("hit"), or the result of `render` ("miss"), which is then kept. */
  async get(key: string, render: () => Promise<ExportFile>): Promise<{ file: ExportFile; cache: "hit" | "miss" }> {
    const cached = this.files.get(key);
    if (cached) {
      this.files.delete(key); // re-inserted last: most recently used
      this.files.set(key, cached);
      return { file: cached, cache: "hit" };
    }
    const running = this.inFlight.get(key);
    if (running) return { file: await running, cache: "hit" };
    const promise = render();
    this.inFlight.set(key, promise);
    try {
      const file = await promise;
      this.store(key, file);
      return { file, cache: "miss" };
    } finally {
      this.inFlight.delete(key);
    }
  }

  /** Bytes of files held. */
  get size(): number {
    return this.bytes;
  }

  private store(key: string, file: ExportFile): void {
    // One file may take at most a quarter of the cache, so a huge export cannot flush the rest.
    if (file.body.length > this.maxBytes / 4) return;
    this.files.set(key, file);
    this.bytes += file.body.length;
    for (const [oldest, old] of this.files) {
      if (this.bytes <= this.maxBytes) break;
      this.files.delete(oldest);
      this.bytes -= old.body.length;
    }
  }
}
