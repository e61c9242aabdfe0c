import { describe, expect, it } from "vitest";
import { buildMatrixDimension } from "@/lib/test/matrix-fixtures";
import { compareKeys, csvValue, displayValue, sortKey, textKey } from "./values";

describe("matrix values", () => {
  it("sorts text without case or accents, and digit runs as numbers", () => {
    const sorted = ["pact 10", "Pact 9", "Ébauche", "alpha", "Zulu", "pact 010b"].sort((a, b) =>
      compareKeys(textKey(a), textKey(b)),
    );
    expect(sorted).toEqual(["alpha", "Ébauche", "Pact 9", "pact 10", "pact 010b", "Zulu"]);
  });

  it("keys values by their dimension's type", () => {
    const num = buildMatrixDimension({ valueType: "number" });
    const bool = buildMatrixDimension();
    const rule = buildMatrixDimension({ valueType: "enum", options: ["consensus", "majority"] });
    expect(["10", "9", "100"].sort((a, b) => compareKeys(sortKey(num, a), sortKey(num, b)))).toEqual([
      "9",
      "10",
      "100",
    ]);
    expect(sortKey(bool, "true")).toBeLessThan(sortKey(bool, "false") as number);
    expect(sortKey(rule, "majority")).toBe(1);
    expect(sortKey(rule, "unknown")).toBe(2);
  });

  it("shows and exports values by type", () => {
    const date = buildMatrixDimension({ valueType: "date" });
    expect(displayValue(date, "1949-08-24")).toBe("24 Aug 1949");
    expect(csvValue(date, "1949-08-24")).toBe("1949-08-24");
    expect(displayValue(buildMatrixDimension(), null)).toBe("—");
    expect(csvValue(buildMatrixDimension(), null)).toBe("");
  });
});
