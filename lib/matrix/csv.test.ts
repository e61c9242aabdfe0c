import { describe, expect, it } from "vitest";
import { parseCsv } from "@/lib/csv";
import {
  buildMatrixData,
  buildMatrixDimension,
  buildMatrixFramework,
  sampleMatrixData,
} from "@/lib/test/matrix-fixtures";
import { csvFileName, matrixCsv } from "./csv";
import { buildMatrix } from "./model";
import { prepareMatrix } from "./prepare";
import type { ViewState } from "./types";
import { defaultViewState } from "./view-state";

const state = (overrides: Partial<ViewState> = {}): ViewState => ({
  ...defaultViewState(),
  frameworks: ["alpha", "bravo", "charlie"],
  ...overrides,
});

describe("matrixCsv", () => {
  it("writes RFC 4180 with a UTF-8 BOM and CRLF, one row per dimension", () => {
    const csv = matrixCsv(prepareMatrix(sampleMatrixData()), state());
    expect(csv.startsWith("\uFEFFGroup,Dimension,Alpha Alliance,Bravo Pact,Charlie Forum\r\n")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(parseCsv(csv)).toEqual([
      ["Group", "Dimension", "Alpha Alliance", "Bravo Pact", "Charlie Forum"],
      ["Commitments", "Collective-defence clause", "Yes", "Yes", "No"],
      ["Commitments", "Legally binding", "Yes", "Yes", "Yes"],
      ["Governance", "Decision rule", "Consensus", "Majority", "Consensus"],
      ["Governance", "Full members", "32", "8", ""],
    ]);
  });

  it("follows the view: transposed, sorted, filtered, equal rows hidden; collapsed groups stay in", () => {
    const p = prepareMatrix(sampleMatrixData());
    const rows = parseCsv(
      matrixCsv(
        p,
        state({
          transpose: true,
          hideEqual: true,
          frameworkSort: { by: "members", desc: false },
          collapsedGroups: ["governance"],
        }),
      ),
    );
    expect(rows).toEqual([
      ["Framework", "Collective-defence clause", "Decision rule", "Full members"],
      ["Bravo Pact", "Yes", "Majority", "8"],
      ["Alpha Alliance", "Yes", "Consensus", "32"],
      ["Charlie Forum", "No", "Consensus", ""],
    ]);
    expect(parseCsv(matrixCsv(p, state({ filter: "majority", hiddenFrameworks: ["charlie"] })))).toEqual([
      ["Group", "Dimension", "Alpha Alliance", "Bravo Pact"],
      ["Governance", "Decision rule", "Consensus", "Majority"],
    ]);
  });

  it("quotes commas, quotes and line breaks, and keeps dates ISO and numbers plain", () => {
    const data = buildMatrixData(
      [buildMatrixFramework({ name: 'The "Big", Alliance' })],
      [
        buildMatrixDimension({ key: "note", label: "Burden-sharing", valueType: "text" }),
        buildMatrixDimension({ key: "since", label: "Latest accession", valueType: "date" }),
        buildMatrixDimension({ key: "budget", label: "Budget", valueType: "number" }),
      ],
      [['2% of GDP, "guideline"\nsince 2006', "2024-03-07", "1234567.5"]],
    );
    const csv = matrixCsv(prepareMatrix(data), state({ frameworks: ["alpha"] }));
    expect(csv).toContain('"The ""Big"", Alliance"');
    expect(csv).toContain('"2% of GDP, ""guideline""\nsince 2006"');
    expect(parseCsv(csv).slice(1)).toEqual([
      ["Commitments", "Burden-sharing", '2% of GDP, "guideline"\nsince 2006'],
      ["Commitments", "Latest accession", "2024-03-07"],
      ["Commitments", "Budget", "1234567.5"],
    ]);
  });

  it("names the file after the frameworks", () => {
    const p = prepareMatrix(sampleMatrixData());
    expect(csvFileName(buildMatrix(p, state()))).toBe("comparison-alpha-bravo-charlie.csv");
    expect(csvFileName(buildMatrix(p, state({ hiddenFrameworks: ["alpha", "bravo", "charlie"] })))).toBe(
      "comparison-empty.csv",
    );
  });
});
