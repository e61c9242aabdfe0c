import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { importCatalog } from "@/lib/catalog/exchange";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { buildCatalog, buildDimension, buildFramework, buildSource } from "@/lib/test/fixtures";
import { cachedMatrixAt, getMatrix } from "./cached";
import {
  cachedMatrix,
  cachedMatrixChars,
  clearCachedMatrices,
  MAX_PAYLOAD_CHARS,
  readCachedMatrix,
  storeCachedMatrix,
} from "./data-cache";
import { loadMatrixData } from "./queries";

const catalog = buildCatalog(
  [
    buildFramework({
      slug: "north-pact",
      name: "North Pact",
      attributes: [{ dimension: "collective_defence_clause", value: true, note: "Art. 5", sources: [buildSource()] }],
    }),
    buildFramework({
      slug: "south-forum",
      name: "South Forum",
      region: "indo-pacific",
      attributes: [{ dimension: "collective_defence_clause", value: false, note: null, sources: [buildSource()] }],
    }),
  ],
  [buildDimension()],
);

describe.each(PROVIDERS)("cached matrix data on %s", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
    await importCatalog(t.db, catalog);
  });
  afterAll(async () => {
    clearCachedMatrices();
    await t.drop();
  });
  beforeEach(() => clearCachedMatrices());

  it("holds exactly what the loader reads, and serves it again without reloading", async () => {
    const selection = { frameworks: ["south-forum", "north-pact"] };
    const first = await getMatrix(t.db, selection);
    expect(first.prepared().data).toEqual(await loadMatrixData(t.db, { frameworks: ["north-pact", "south-forum"] }));
    expect(await getMatrix(t.db, selection)).toBe(first);
    // The entry holds the selection's data whatever the column order (the view orders the columns).
    expect(first.query).toBe("fw=north-pact,south-forum");
  });

  it("serves the same frameworks in another order, or repeated, from the same entry", async () => {
    const first = await getMatrix(t.db, { frameworks: ["south-forum", "north-pact"] });
    expect(await getMatrix(t.db, { frameworks: ["north-pact", "south-forum"] })).toBe(first);
    expect(await getMatrix(t.db, { frameworks: ["north-pact", "south-forum", "north-pact"] })).toBe(first);
    expect(cachedMatrixAt(first.version, { frameworks: ["north-pact", "south-forum"] })).toBe(first);
  });

  it("concurrent requests for the same data share one load", async () => {
    const selection = { scope: { region: "indo-pacific" as const } };
    const [a, b] = await Promise.all([getMatrix(t.db, selection), getMatrix(t.db, selection)]);
    expect(a).toBe(b);
    expect(a.prepared().data.frameworks.map((f) => f.slug)).toEqual(["south-forum"]);
    expect(a.query).toBe("all=1&region=indo-pacific");
  });

  it("a catalog write, by any path, makes the next request load the new data", async () => {
    const selection = { frameworks: ["north-pact"] };
    const before = await getMatrix(t.db, selection);
    expect(before.prepared().data.values).toEqual(["true"]);
    // A write that bypasses the app's catalog functions: the database itself moves the version on.
    await t.db.$executeRawUnsafe(`UPDATE "AttributeValue" SET "value" = 'false' WHERE "note" = 'Art. 5'`);
    const after = await getMatrix(t.db, selection);
    expect(after.version).toBeGreaterThan(before.version);
    expect(after.prepared().data.values).toEqual(["false"]);
  });
});

describe("matrix data cache", () => {
  beforeEach(() => clearCachedMatrices());
  const payload = (chars: number) => JSON.stringify({ pad: "x".repeat(chars) });

  it("evicts the least recently used entries beyond its bound", () => {
    const big = Math.ceil(MAX_PAYLOAD_CHARS * 0.4);
    storeCachedMatrix(cachedMatrix(1, "a", payload(big)));
    storeCachedMatrix(cachedMatrix(1, "b", payload(big)));
    expect(readCachedMatrix("1|a")).toBeDefined(); // a is now more recent than b
    storeCachedMatrix(cachedMatrix(1, "c", payload(big)));
    expect(readCachedMatrix("1|b")).toBeUndefined();
    expect(readCachedMatrix("1|a")).toBeDefined();
    expect(readCachedMatrix("1|c")).toBeDefined();
    // Larger than the whole bound: not kept, and nothing else is evicted for it.
    expect(storeCachedMatrix(cachedMatrix(1, "huge", payload(MAX_PAYLOAD_CHARS * 2)))).toBe(false);
    expect(readCachedMatrix("1|huge")).toBeUndefined();
    expect(readCachedMatrix("1|a")).toBeDefined();
    expect(readCachedMatrix("1|c")).toBeDefined();
  });

  it("never exceeds its bound, even when every entry was just read", () => {
    const size = Math.ceil(MAX_PAYLOAD_CHARS / 10);
    for (let i = 0; i < 100; i++) {
      storeCachedMatrix(cachedMatrix(1, `s${i}`, payload(size)));
      expect(readCachedMatrix(`1|s${i}`)).toBeDefined(); // read at once, as the page does
      expect(cachedMatrixChars()).toBeLessThanOrEqual(MAX_PAYLOAD_CHARS);
    }
    expect(readCachedMatrix("1|s99")).toBeDefined();
    expect(readCachedMatrix("1|s0")).toBeUndefined();
  });

  it("evicts the entry read longest ago first", () => {
    const size = Math.ceil(MAX_PAYLOAD_CHARS * 0.3);
    storeCachedMatrix(cachedMatrix(1, "old", payload(size)));
    storeCachedMatrix(cachedMatrix(1, "recent", payload(size)));
    storeCachedMatrix(cachedMatrix(1, "newer", payload(size)));
    readCachedMatrix("1|recent");
    // "old" was used longest ago: it goes, the two read since stay.
    storeCachedMatrix(cachedMatrix(1, "new", payload(size)));
    expect(readCachedMatrix("1|old")).toBeUndefined();
    expect(readCachedMatrix("1|recent")).toBeDefined();
    expect(readCachedMatrix("1|newer")).toBeDefined();
    expect(readCachedMatrix("1|new")).toBeDefined();
  });

  it("drops entries of older catalog versions when a newer one arrives", () => {
    storeCachedMatrix(cachedMatrix(1, "a", payload(10)));
    storeCachedMatrix(cachedMatrix(1, "b", payload(10)));
    storeCachedMatrix(cachedMatrix(2, "a", payload(10)));
    expect(readCachedMatrix("1|a")).toBeUndefined();
    expect(readCachedMatrix("1|b")).toBeUndefined();
    expect(readCachedMatrix("2|a")).toBeDefined();
  });
});
