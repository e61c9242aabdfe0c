import { describe, expect, it } from "vitest";
import { sampleMatrixData } from "@/lib/test/matrix-fixtures";
import { arrangedDimensions, moveDimension, moveFramework, toggleItem } from "./arrange";
import { buildMatrix } from "./model";
import { prepareMatrix } from "./prepare";
import { defaultViewState } from "./view-state";

describe("arranging rows and columns", () => {
  const p = prepareMatrix(sampleMatrixData());
  const state = { ...defaultViewState(), frameworks: ["alpha", "bravo", "charlie"] };

  it("toggles items and moves frameworks, staying inside the list", () => {
    expect(toggleItem(["a", "b"], "a")).toEqual(["b"]);
    expect(toggleItem(["b"], "a")).toEqual(["b", "a"]);
    expect(moveFramework(["a", "b", "c"], "c", -1)).toEqual(["a", "c", "b"]);
    expect(moveFramework(["a", "b", "c"], "a", -1)).toEqual(["a", "b", "c"]);
    expect(moveFramework(["a", "b", "c"], "zz", 1)).toEqual(["a", "b", "c"]);
  });

  it("moves a dimension within its group only, and the model follows", () => {
    expect(arrangedDimensions(p, state)).toEqual(["clause", "binding", "decision_rule", "members"]);
    const order = moveDimension(p, state, "binding", -1);
    expect(order).toEqual(["binding", "clause", "decision_rule", "members"]);
    expect(moveDimension(p, state, "binding", 1)).toEqual(["clause", "binding", "decision_rule", "members"]);
    const rows = buildMatrix(p, { ...state, dimensionOrder: order }).rows.map((r) => r.id);
    expect(rows.slice(0, 3)).toEqual(["g:commitments", "d:binding", "d:clause"]);
  });

  it("keeps groups together even when the URL order interleaves them", () => {
    expect(arrangedDimensions(p, { ...state, dimensionOrder: ["members", "clause", "decision_rule"] })).toEqual([
      "members",
      "decision_rule",
      "clause",
      "binding",
    ]);
  });
});
