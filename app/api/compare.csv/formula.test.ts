import { describe, expect, it } from "vitest";
import { importCatalog } from "@/lib/catalog/exchange";
import { buildCatalog, buildDimension, buildFramework, buildSource } from "@/lib/test/fixtures";
import { routeTestDatabase } from "@/lib/test/route-database";
import { GET } from "./route";

const EVIL_NAME = '=HYPERLINK("http://127.0.0.1/x","click")';

const catalog = buildCatalog(
  [
    buildFramework({
      slug: "evil-pact",
      name: EVIL_NAME,
      attributes: [
        { dimension: "collective_defence_clause", value: true, note: null, sources: [buildSource()] },
        { dimension: "motto", value: "@SUM(1+1)*cmd|' /C calc'!A0", note: null, sources: [buildSource()] },
        { dimension: "budget_delta", value: -5, note: null, sources: [buildSource()] },
      ],
    }),
  ],
  [
    buildDimension(),
    buildDimension({ key: "motto", label: "+Motto", group: "Identity", valueType: "text", options: undefined }),
    buildDimension({
      key: "budget_delta",
      label: "Budget delta",
      group: "Identity",
      valueType: "number",
      options: undefined,
    }),
  ],
);

describe("GET /api/compare.csv and formula injection", () => {
  routeTestDatabase((db) => importCatalog(db, catalog));

  it("writes no cell a spreadsheet would run as a formula, and keeps real numbers as numbers", async () => {
    const response = await GET(new Request("http://localhost/api/compare.csv?frameworks=evil-pact"));
    expect(response.status).toBe(200);
    const lines = (await response.text()).replace(/^\uFEFF/, "").split("\r\n");
    // Every line's cells, as a spreadsheet reads them: unquoted, none starting with = + - @ tab or CR.
    const cells = lines.flatMap((line) => line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/));
    for (const cell of cells) expect(cell.replace(/^"/, "")).not.toMatch(/^[=+@\t\r]|^-(?!\d)/);
    expect(lines[0]).toBe(`Group,Dimension,"'${EVIL_NAME.replace(/"/g, '""')}"`);
    expect(lines).toContain("Identity,'+Motto,'@SUM(1+1)*cmd|' /C calc'!A0");
    expect(lines).toContain("Identity,Budget delta,-5");
  });
});
