import type { MatrixData, MatrixDimension, MatrixFramework } from "@/lib/matrix/types";

/** Test builders for matrix data (no database): three frameworks and four dimensions by default. */

export function buildMatrixFramework(overrides: Partial<MatrixFramework> = {}): MatrixFramework {
  return {
    slug: "alpha",
    name: "Alpha Alliance",
    acronym: "AA",
    kind: "collective-defence-alliance",
    region: "europe",
    status: "active",
    founded: "1949-04-04",
    ended: null,
    members: ["DEU", "FRA", "USA"],
    ...overrides,
  };
}

export function buildMatrixDimension(overrides: Partial<MatrixDimension> = {}): MatrixDimension {
  return {
    key: "clause",
    label: "Collective-defence clause",
    group: "Commitments",
    valueType: "boolean",
    options: [],
    description: null,
    ...overrides,
  };
}

type CellSpec = string | null | { value: string; note?: string; sources?: number[] };

/** Matrix data from a grid of values: cells[f][d]. */
export function buildMatrixData(
  frameworks: MatrixFramework[],
  dimensions: MatrixDimension[],
  cells: CellSpec[][],
  sources: MatrixData["sources"] = [
    { title: "Treaty", url: "https://example.org/treaty", publisher: null, accessed: null },
  ],
): MatrixData {
  const size = frameworks.length * dimensions.length;
  const data: MatrixData = {
    frameworks,
    dimensions,
    values: new Array(size).fill(null),
    details: true,
    notes: new Array(size).fill(null),
    citations: new Array(size).fill(null),
    sources,
  };
  cells.forEach((row, f) => {
    row.forEach((spec, d) => {
      const i = f * dimensions.length + d;
      if (spec === null) return;
      const cell = typeof spec === "string" ? { value: spec } : spec;
      data.values[i] = cell.value;
      data.notes[i] = cell.note ?? null;
      data.citations[i] = cell.sources ?? [0];
    });
  });
  return data;
}

/** Alpha, Bravo and Charlie over four dimensions in two groups. */
export function sampleMatrixData(): MatrixData {
  return buildMatrixData(
    [
      buildMatrixFramework(),
      buildMatrixFramework({
        slug: "bravo",
        name: "Bravo Pact",
        acronym: null,
        status: "defunct",
        founded: "1955-05-14",
        ended: "1991-07-01",
        members: ["DEU", "POL"],
      }),
      buildMatrixFramework({
        slug: "charlie",
        name: "Charlie Forum",
        acronym: "CF",
        founded: "2007-05-01",
        members: ["FRA", "POL", "USA"],
      }),
    ],
    [
      buildMatrixDimension(),
      buildMatrixDimension({ key: "binding", label: "Legally binding" }),
      buildMatrixDimension({
        key: "decision_rule",
        label: "Decision rule",
        group: "Governance",
        valueType: "enum",
        options: ["consensus", "majority", "bilateral"],
      }),
      buildMatrixDimension({ key: "members", label: "Full members", group: "Governance", valueType: "number" }),
    ],
    [
      ["true", "true", { value: "consensus", note: "All decisions by consensus.", sources: [0, 1] }, "32"],
      ["true", "true", "majority", "8"],
      ["false", "true", "consensus", null],
    ],
    [
      { title: "Treaty", url: "https://example.org/treaty", publisher: "Example", accessed: "2026-11-27" },
      { title: "Rules", url: "https://example.org/rules", publisher: null, accessed: null },
    ],
  );
}
