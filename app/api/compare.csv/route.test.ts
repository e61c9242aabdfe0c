import { describe, expect, it } from "vitest";
import { importCatalog } from "@/lib/catalog/exchange";
import { parseCsv } from "@/lib/csv";
import { buildCatalog, buildDimension, buildFramework, buildSource } from "@/lib/test/fixtures";
import { routeTestDatabase } from "@/lib/test/route-database";
import { GET } from "./route";

const catalog = buildCatalog(
  [
    buildFramework({
      slug: "north-pact",
      name: "North Pact",
      attributes: [
        { dimension: "collective_defence_clause", value: true, note: null, sources: [buildSource()] },
        { dimension: "decision_rule", value: "qualified-majority", note: null, sources: [buildSource()] },
      ],
    }),
    buildFramework({
      slug: "south-forum",
      name: "South Forum, Inc.",
      attributes: [{ dimension: "collective_defence_clause", value: false, note: null, sources: [buildSource()] }],
    }),
  ],
  [
    buildDimension(),
    buildDimension({
      key: "decision_rule",
      label: "Decision rule",
      group: "Governance",
      valueType: "enum",
      options: ["consensus", "qualified-majority"],
    }),
  ],
);

describe("GET /api/compare.csv", () => {
  routeTestDatabase((db) => importCatalog(db, catalog));

  const get = (query: string) => GET(new Request(`http://localhost/api/compare.csv${query}`));
  const errorOf = async (response: Response) =>
    (
      (await response.json()) as {
        error: { code: string; message: string; details: { param: string; message: string }[] };
      }
    ).error;

  it("answers a CSV attachment with a BOM, one column per framework", async () => {
    const response = await get("?frameworks=south-forum,north-pact");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="comparison-south-forum-north-pact.csv"',
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain('"South Forum, Inc."');
    expect(parseCsv(text)).toEqual([
      ["Group", "Dimension", "South Forum, Inc.", "North Pact"],
      ["Commitments", "Collective-defence clause", "No", "Yes"],
      ["Governance", "Decision rule", "", "Qualified majority"],
    ]);
  });

  it("keeps only the named dimensions, in the given order, and transposes", async () => {
    const text = await (await get("?frameworks=north-pact&dimensions=decision_rule&transpose=1")).text();
    expect(parseCsv(text)).toEqual([
      ["Framework", "Decision rule"],
      ["North Pact", "Qualified majority"],
    ]);
  });

  it("answers 400 JSON naming the bad parameter", async () => {
    const missing = await get("");
    expect(missing.status).toBe(400);
    expect(await errorOf(missing)).toMatchObject({ code: "bad_request", details: [{ param: "frameworks" }] });
    expect((await errorOf(await get("?frameworks=nato&format=xlsx"))).details).toEqual([
      expect.objectContaining({ param: "format" }),
    ]);
    expect((await errorOf(await get("?frameworks=Not%20A%20Slug"))).details[0]?.param).toBe("frameworks");
    expect(
      (await errorOf(await get(`?frameworks=${Array.from({ length: 51 }, (_, i) => `f${i}`).join(",")}`))).details,
    ).toEqual([{ param: "frameworks", message: "name at most 50 frameworks" }]);
    const unknown = await get("?frameworks=north-pact,ghost&dimensions=nope");
    expect(unknown.status).toBe(400);
    expect((await errorOf(unknown)).details).toEqual([
      { param: "frameworks", message: 'unknown framework "ghost"' },
      { param: "dimensions", message: 'unknown dimension "nope"' },
    ]);
  });
});
