import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importCatalog } from "@/lib/catalog/exchange";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { buildCatalog, buildDimension, buildFramework, buildSource } from "@/lib/test/fixtures";
import { listFrameworkOptions, loadMatrixData } from "./queries";

const shared = buildSource({ title: "Shared treaty", url: "https://example.org/shared" });
const catalog = buildCatalog(
  [
    buildFramework({
      slug: "north-pact",
      name: "North Pact",
      members: [
        { country: "NOR", role: "member", joined: "1950-01-01", left: null },
        { country: "FRA", role: "member", joined: "1950-01-01", left: "1966-07-01" },
        { country: "JPN", role: "partner", joined: "2000-01-01", left: null },
      ],
      attributes: [
        { dimension: "collective_defence_clause", value: true, note: "Article 5.", sources: [shared] },
        {
          dimension: "decision_rule",
          value: "consensus",
          note: null,
          sources: [buildSource({ title: "Rules", url: "https://example.org/rules" }), shared],
        },
      ],
    }),
    buildFramework({
      slug: "old-league",
      name: "Old League",
      status: "defunct",
      ended: "1977-06-30",
      members: [
        { country: "THA", role: "member", joined: "1955-01-01", left: "1977-06-30" },
        { country: "PAK", role: "member", joined: "1955-01-01", left: "1973-11-07" },
      ],
      attributes: [{ dimension: "collective_defence_clause", value: false, note: null, sources: [shared] }],
    }),
  ],
  [
    buildDimension(),
    buildDimension({
      key: "decision_rule",
      label: "Decision rule",
      group: "Governance",
      valueType: "enum",
      options: ["consensus", "majority"],
    }),
  ],
);

describe.each(PROVIDERS)("matrix queries on %s", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
    await importCatalog(t.db, catalog);
  });
  afterAll(async () => {
    await t.drop();
  });

  it("loads the selection in the requested order, as a columnar grid with de-duplicated citations", async () => {
    const data = await loadMatrixData(t.db, { frameworks: ["old-league", "ghost", "north-pact"] });
    expect(data.frameworks.map((f) => f.slug)).toEqual(["old-league", "north-pact"]);
    expect(data.dimensions.map((d) => [d.key, d.valueType, d.options])).toEqual([
      ["collective_defence_clause", "boolean", []],
      ["decision_rule", "enum", ["consensus", "majority"]],
    ]);
    expect(data.values).toEqual(["false", null, "true", "consensus"]);
    expect(data.notes).toEqual([null, null, "Article 5.", null]);
    expect(data.sources.map((s) => s.title).sort()).toEqual(["Rules", "Shared treaty"]);
    const title = (refs: number[] | null) => refs?.map((i) => data.sources[i]!.title);
    expect(data.citations.map(title)).toEqual([
      ["Shared treaty"],
      undefined,
      ["Shared treaty"],
      ["Rules", "Shared treaty"],
    ]);
    expect(data.sources[0]).toMatchObject({ publisher: "Example Ministry", accessed: "2026-11-27" });
  });

  it("lists full members today, or at the end for a defunct framework", async () => {
    const data = await loadMatrixData(t.db, { frameworks: ["north-pact", "old-league"] });
    expect(data.frameworks.map((f) => [f.slug, f.members])).toEqual([
      ["north-pact", ["NOR"]],
      ["old-league", ["THA"]],
    ]);
    expect(data.frameworks[1]).toMatchObject({ status: "defunct", founded: "2001-02-03", ended: "1977-06-30" });
  });

  it("loads every framework matching a catalog scope, by name, and nothing for an empty selection", async () => {
    expect((await loadMatrixData(t.db, { scope: {} })).frameworks.map((f) => f.slug)).toEqual([
      "north-pact",
      "old-league",
    ]);
    expect((await loadMatrixData(t.db, { scope: { status: "defunct" } })).frameworks.map((f) => f.slug)).toEqual([
      "old-league",
    ]);
    const empty = await loadMatrixData(t.db, { frameworks: [] });
    expect(empty.frameworks).toEqual([]);
    expect(empty.values).toEqual([]);
    expect(empty.dimensions).toHaveLength(2);
  });

  it("leaves notes and citations out on request (large selections fetch them per framework)", async () => {
    const data = await loadMatrixData(t.db, { frameworks: ["old-league", "north-pact"] }, { details: false });
    expect(data.details).toBe(false);
    expect(data.values).toEqual(["false", null, "true", "consensus"]);
    expect([data.notes, data.citations, data.sources]).toEqual([[], [], []]);
    expect((await loadMatrixData(t.db, { frameworks: ["north-pact"] })).details).toBe(true);
  });

  it("lists picker options by name", async () => {
    expect(await listFrameworkOptions(t.db)).toEqual([
      { slug: "north-pact", name: "North Pact", acronym: "TA", status: "active" },
      { slug: "old-league", name: "Old League", acronym: "TA", status: "defunct" },
    ]);
  });
});
