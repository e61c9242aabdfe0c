import { afterAll, describe, expect, it } from "vitest";
import { ExportCache } from "./export-cache";
import type { ExportFile } from "./render";
import { ExportRenderPool, RetryLaterError } from "./render-pool";
import type { ExportDocument } from "./types";

const doc = (title: string): ExportDocument => ({
  briefingId: "b1",
  title,
  authors: ["Olivia Owner"],
  date: "5 December 2026",
  exportedAt: "5 December 2026, 09:00 UTC",
  classification: "",
  blocks: [{ type: "paragraph", inlines: [{ type: "text", text: "Hello", marks: {} }] }],
  sources: [],
});

describe("ExportRenderPool", () => {
  const pool = new ExportRenderPool({ size: 1, queueLimit: 1 });
  afterAll(() => pool.close());

  it("renders on a worker thread, and refuses work beyond its queue with a 503 and Retry-After", async () => {
    const running = pool.render(doc("One"), "pdf");
    const waiting = pool.render(doc("Two"), "md");
    const refused = await pool.render(doc("Three"), "html").catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RetryLaterError);
    expect(refused).toMatchObject({ status: 503, retryAfterSeconds: 5 });
    const [pdf, md] = await Promise.all([running, waiting]);
    expect(pdf.body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(md.body.toString("utf8")).toContain("# Two");
    expect(pool.rendered).toBe(2);
    // Room again once the queue drained.
    expect((await pool.render(doc("Four"), "html")).contentType).toBe("text/html; charset=utf-8");
  });
});

describe("ExportCache", () => {
  const file = (bytes: number): ExportFile => ({
    body: Buffer.alloc(bytes),
    contentType: "application/pdf",
    contentDisposition: "attachment",
  });

  it("shares one render between simultaneous requests and keeps at most its byte bound", async () => {
    const cache = new ExportCache(1000);
    let renders = 0;
    const render = (bytes: number) => async () => {
      renders++;
      return file(bytes);
    };
    const [a, b] = await Promise.all([cache.get("a", render(200)), cache.get("a", render(200))]);
    expect([a.cache, b.cache].sort()).toEqual(["hit", "miss"]);
    expect(renders).toBe(1);
    await cache.get("b", render(200));
    await cache.get("c", render(200));
    await cache.get("a", render(200)); // a is now the most recently used
    await cache.get("d", render(200));
    await cache.get("e", render(200));
    await cache.get("f", render(200)); // over 1000 bytes: b, the least recently used, goes
    expect(cache.size).toBeLessThanOrEqual(1000);
    expect((await cache.get("a", render(200))).cache).toBe("hit");
    expect((await cache.get("b", render(200))).cache).toBe("miss");
    // A file over a quarter of the bound is served but not kept.
    expect((await cache.get("big", render(300))).cache).toBe("miss");
    expect((await cache.get("big", render(300))).cache).toBe("miss");
  });
});
