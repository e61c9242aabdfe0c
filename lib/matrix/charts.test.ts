import { describe, expect, it } from "vitest";
import { buildMatrixFramework, sampleMatrixData } from "@/lib/test/matrix-fixtures";
import { membershipOverlap, timelineOf, yearFraction } from "./charts";

describe("membershipOverlap", () => {
  it("counts the countries each pair has in common and lists them", () => {
    const overlap = membershipOverlap(sampleMatrixData().frameworks)!;
    // alpha: DEU FRA USA; bravo: DEU POL; charlie: FRA POL USA
    expect(overlap.counts).toEqual([
      [3, 1, 2],
      [1, 2, 1],
      [2, 1, 3],
    ]);
    expect(overlap.max).toBe(2);
    expect(overlap.countries(0, 2)).toEqual(["FRA", "USA"]);
    expect(overlap.countries(2, 0)).toEqual(["FRA", "USA"]);
    expect(overlap.countries(1, 2)).toEqual(["POL"]);
  });

  it("reports no overlap for disjoint frameworks and nothing when members were not loaded", () => {
    const a = buildMatrixFramework({ members: ["AUS"] });
    const b = buildMatrixFramework({ slug: "b", members: ["JPN"] });
    expect(membershipOverlap([a, b])).toMatchObject({
      counts: [
        [1, 0],
        [0, 1],
      ],
      max: 0,
    });
    expect(membershipOverlap([a, buildMatrixFramework({ slug: "c", members: null })])).toBeNull();
  });
});

describe("timelineOf", () => {
  it("spans founding to end, running ones to today, on a five-year axis", () => {
    const t = timelineOf(sampleMatrixData().frameworks, "2026-11-27");
    expect(t.entries.map((e) => [e.framework.slug, Math.floor(e.start), Math.floor(e.end), e.ongoing])).toEqual([
      ["alpha", 1949, 2026, true],
      ["bravo", 1955, 1991, false],
      ["charlie", 2007, 2026, true],
    ]);
    expect([t.from, t.to]).toEqual([1945, 2030]);
  });

  it("lists frameworks without a founding date separately", () => {
    const t = timelineOf([buildMatrixFramework({ founded: null })], "2026-01-01");
    expect(t.entries).toEqual([]);
    expect(t.undated.map((f) => f.slug)).toEqual(["alpha"]);
  });

  it("turns dates into fractional years", () => {
    expect(yearFraction("2000-01-01")).toBe(2000);
    expect(yearFraction("2001-07-02")).toBeCloseTo(2001.5, 2);
  });
});
