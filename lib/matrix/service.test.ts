import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { importCatalog } from "@/lib/catalog/exchange";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { buildCatalog, buildDimension, buildFramework, buildSource } from "@/lib/test/fixtures";
import { clearCachedMatrices } from "./data-cache";
import { unpackMatrixData } from "./payload";
import { loadMatrixData } from "./queries";
import { compareCsv, getCompareView } from "./service";

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

describe.each(PROVIDERS)("comparison service on %s", (provider) => {
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

  it("gives the page the selection's data itself, with the URL's state checked against it", async () => {
    const view = await getCompareView(t.db, { fw: "south-forum,north-pact,gone-pact", dhide: "nope" }, []);
    // The data travels with the view: what the page hands to the client component.
    expect(unpackMatrixData(view.payload)).toEqual(
      await loadMatrixData(t.db, { frameworks: ["north-pact", "south-forum"] }),
    );
    expect(view.state.frameworks).toEqual(["south-forum", "north-pact"]);
    expect(view.state.hiddenDimensions).toEqual([]);
    expect(view.notices.map((n) => n.message)).toEqual([
      "Ignored unknown framework: gone-pact.",
      "Ignored unknown dimension: nope.",
    ]);
    expect(view.optionsPath).toMatch(/^\/api\/compare\/options\?v=\d+$/);
    expect(view.emptyState).toEqual({ frameworkCount: 0, known: [] });
  });

  it("tells an empty comparison how many frameworks there are and which suggestions exist", async () => {
    const view = await getCompareView(t.db, {}, ["north-pact", "missing-pact"]);
    expect(view.emptyState).toEqual({ frameworkCount: 2, known: ["north-pact"] });
    expect(unpackMatrixData(view.payload).frameworks).toEqual([]);
  });

  it("serves the page and the CSV from current data after a catalog write", async () => {
    const before = await getCompareView(t.db, { fw: "north-pact" }, []);
    expect(unpackMatrixData(before.payload).values).toEqual(["true"]);
    await t.db.$executeRawUnsafe(`UPDATE "AttributeValue" SET "value" = 'false' WHERE "note" = 'Art. 5'`);
    const after = await getCompareView(t.db, { fw: "north-pact" }, []);
    expect(unpackMatrixData(after.payload).values).toEqual(["false"]);
    const { csv } = await compareCsv(t.db, new URLSearchParams("frameworks=north-pact"));
    expect(csv).toContain("Commitments,Collective-defence clause,No");
  });
});
