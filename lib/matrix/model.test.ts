import { describe, expect, it } from "vitest";
import {
  buildMatrixData,
  buildMatrixDimension,
  buildMatrixFramework,
  sampleMatrixData,
} from "@/lib/test/matrix-fixtures";
import { buildMatrix } from "./model";
import { prepareMatrix } from "./prepare";
import { searchTexts, warmSearchTexts } from "./search";
import type { MatrixModel, ViewState } from "./types";
import { defaultViewState } from "./view-state";

const view = (overrides: Partial<ViewState> = {}): MatrixModel =>
  buildMatrix(prepareMatrix(sampleMatrixData()), {
    ...defaultViewState(),
    frameworks: ["alpha", "bravo", "charlie"],
    ...overrides,
  });
const rowIds = (m: MatrixModel) => m.rows.map((r) => r.id);
const columnIds = (m: MatrixModel) => m.columns.map((c) => c.id);
const cellOf = (m: MatrixModel, rowId: string, columnId: string) =>
  m.cell(m.rows.find((r) => r.id === rowId)!, m.columns.find((c) => c.id === columnId)!);

describe("buildMatrix", () => {
  it("puts frameworks in columns and dimensions in rows grouped by dimension group", () => {
    const m = view();
    expect(columnIds(m)).toEqual(["f:alpha", "f:bravo", "f:charlie"]);
    expect(rowIds(m)).toEqual([
      "g:commitments",
      "d:clause",
      "d:binding",
      "g:governance",
      "d:decision_rule",
      "d:members",
    ]);
    expect(m.groups.map((g) => [g.label, g.dimensions.length])).toEqual([
      ["Commitments", 2],
      ["Governance", 2],
    ]);
  });

  it("follows the state's framework order and skips frameworks the data does not have (yet)", () => {
    expect(columnIds(view({ frameworks: ["charlie", "delta", "alpha"] }))).toEqual(["f:charlie", "f:alpha"]);
    expect(columnIds(view({ frameworks: [], scope: {} }))).toEqual(["f:alpha", "f:bravo", "f:charlie"]);
  });

  it("gives each cell its display value, note and cited sources", () => {
    const cell = cellOf(view(), "d:decision_rule", "f:alpha");
    expect(cell).toMatchObject({
      raw: "consensus",
      value: "consensus",
      display: "Consensus",
      note: "All decisions by consensus.",
    });
    expect(cell?.sources.map((s) => s.title)).toEqual(["Treaty", "Rules"]);
    expect(cellOf(view(), "d:members", "f:charlie")).toMatchObject({ raw: null, display: "—", sources: [] });
    expect(cellOf(view(), "d:clause", "f:bravo")?.display).toBe("Yes");
    const m = view();
    expect(m.cell(m.rows[0]!, m.columns[0]!)).toBeNull();
  });

  it("finds equal dimensions and the cells that differ from the most common value", () => {
    const m = view();
    expect(m.stats[1]).toEqual({ equal: true, modal: "true", modalCount: 3, distinct: 1 });
    expect(m.stats[0]).toEqual({ equal: false, modal: "true", modalCount: 2, distinct: 2 });
    expect(m.counts.equal).toBe(1);
    const differs = (row: string) => m.columns.map((c) => cellOf(m, row, c.id)?.differs);
    expect(differs("d:clause")).toEqual([false, false, true]);
    expect(differs("d:binding")).toEqual([false, false, false]);
    expect(differs("d:decision_rule")).toEqual([false, true, false]);
    // A missing value is a value of its own: 32, 8 and nothing are three different values, and
    // when no value is shared every cell stands out.
    expect(differs("d:members")).toEqual([true, true, true]);
  });

  it("hides equal rows on request, and counts them", () => {
    const m = view({ hideEqual: true });
    expect(rowIds(m)).not.toContain("d:binding");
    expect(m.counts).toMatchObject({ equal: 1, hiddenEqual: 1 });
  });

  it("judges equality over the shown frameworks only, and never for a single framework", () => {
    const withoutCharlie = view({ hiddenFrameworks: ["charlie"], hideEqual: true });
    expect(columnIds(withoutCharlie)).toEqual(["f:alpha", "f:bravo"]);
    expect(rowIds(withoutCharlie)).toEqual(["g:governance", "d:decision_rule", "d:members"]);
    const single = view({ frameworks: ["alpha"], hiddenFrameworks: ["bravo", "charlie"], hideEqual: true });
    expect(single.counts.equal).toBe(0);
    expect(rowIds(single)).toContain("d:binding");
    expect(cellOf(single, "d:clause", "f:alpha")?.differs).toBe(false);
    const pair = view({ hiddenFrameworks: ["charlie"] });
    expect(pair.columns.map((c) => cellOf(pair, "d:decision_rule", c.id)?.differs)).toEqual([true, true]);
  });

  it("transposes: frameworks become rows, dimensions columns, collapsed groups one placeholder column", () => {
    const m = view({ transpose: true, collapsedGroups: ["governance"] });
    expect(rowIds(m)).toEqual(["f:alpha", "f:bravo", "f:charlie"]);
    expect(columnIds(m)).toEqual(["d:clause", "d:binding", "g:governance"]);
    expect(cellOf(m, "f:charlie", "d:clause")).toMatchObject({ display: "No", differs: true });
    expect(cellOf(m, "f:charlie", "g:governance")).toBeNull();
  });

  it("collapses a group to its header row when dimensions are rows", () => {
    expect(rowIds(view({ collapsedGroups: ["commitments"] }))).toEqual([
      "g:commitments",
      "g:governance",
      "d:decision_rule",
      "d:members",
    ]);
  });

  it("orders frameworks by a dimension with missing values last in both directions", () => {
    expect(view({ frameworkSort: { by: "members", desc: true } }).frameworks).toEqual([0, 1, 2]);
    expect(view({ frameworkSort: { by: "members", desc: false } }).frameworks).toEqual([1, 0, 2]);
    expect(columnIds(view({ frameworkSort: { by: "_name", desc: true } }))).toEqual([
      "f:charlie",
      "f:bravo",
      "f:alpha",
    ]);
    expect(rowIds(view({ transpose: true, frameworkSort: { by: "decision_rule", desc: false } }))).toEqual([
      "f:alpha",
      "f:charlie",
      "f:bravo",
    ]);
  });

  it("orders dimensions within their groups, by a framework's values or by label", () => {
    expect(rowIds(view({ dimensionSort: { by: "_label", desc: false } }))).toEqual([
      "g:commitments",
      "d:clause",
      "d:binding",
      "g:governance",
      "d:decision_rule",
      "d:members",
    ]);
    expect(rowIds(view({ dimensionSort: { by: "_label", desc: true } }))).toEqual([
      "g:commitments",
      "d:binding",
      "d:clause",
      "g:governance",
      "d:members",
      "d:decision_rule",
    ]);
    // Charlie: clause "No", binding "Yes"; members missing goes last.
    expect(rowIds(view({ dimensionSort: { by: "charlie", desc: false } }))).toEqual([
      "g:commitments",
      "d:clause",
      "d:binding",
      "g:governance",
      "d:decision_rule",
      "d:members",
    ]);
    expect(rowIds(view({ dimensionSort: { by: "charlie", desc: true } })).slice(0, 3)).toEqual([
      "g:commitments",
      "d:binding",
      "d:clause",
    ]);
  });

  it("applies a custom dimension order, which also orders the groups, and hides dimensions", () => {
    const m = view({ dimensionOrder: ["members"], hiddenDimensions: ["binding"] });
    expect(rowIds(m)).toEqual(["g:governance", "d:members", "d:decision_rule", "g:commitments", "d:clause"]);
  });

  it("filters rows by label or shown value; every term must match", () => {
    expect(rowIds(view({ filter: "consensus" }))).toEqual(["g:governance", "d:decision_rule"]);
    expect(rowIds(view({ filter: "legally" }))).toEqual(["g:commitments", "d:binding"]);
    expect(view({ filter: "consensus" }).counts.filteredOut).toBe(3);
    expect(rowIds(view({ transpose: true, filter: "MAJORITY" }))).toEqual(["f:bravo"]);
    expect(rowIds(view({ transpose: true, filter: "cf" }))).toEqual(["f:charlie"]);
    expect(rowIds(view({ transpose: true, filter: "yes consensus" }))).toEqual(["f:alpha", "f:charlie"]);
    expect(rowIds(view({ transpose: true, filter: "no majority" }))).toEqual([]);
    // Values of hidden frameworks do not keep a row.
    expect(rowIds(view({ filter: "majority", hiddenFrameworks: ["bravo"] }))).toEqual([]);
  });

  it("counts statistics right with many distinct values, and builds the filter index in slices", () => {
    const values = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "b", "b"];
    const data = buildMatrixData(
      values.map((_, i) => buildMatrixFramework({ slug: `f${i}`, name: `F ${i}` })),
      [buildMatrixDimension({ key: "t", valueType: "text" })],
      values.map((v) => [v]),
    );
    const p = prepareMatrix(data);
    const m = buildMatrix(p, { ...defaultViewState(), scope: {} });
    expect(m.stats[0]).toEqual({ equal: false, modal: "b", modalCount: 3, distinct: 10 });
    expect(m.differsAt(0, 0)).toBe(true);
    expect(m.differsAt(1, 0)).toBe(false);
    expect(warmSearchTexts(p, 0)).toBe(false);
    // One filter text per distinct value, not per cell.
    expect([...searchTexts(p).texts].sort()).toEqual([...new Set(values)].sort());
    expect(warmSearchTexts(p, 0)).toBe(true);
  });
});
