import { describe, expect, it } from "vitest";
import { valueFlags } from "./flags";

describe("value flags", () => {
  it("flags a value with no source, and one backed only by reference works", () => {
    expect(valueFlags({ sources: [], reviewDue: null })).toEqual([{ kind: "needs-source", label: "Needs a source" }]);
    expect(valueFlags({ sources: [{ type: "reference" }, { type: "reference" }], reviewDue: null })).toEqual([
      { kind: "low-tier", label: "Backed only by reference works" },
    ]);
    expect(valueFlags({ sources: [{ type: "reference" }, { type: "press" }], reviewDue: null })).toEqual([]);
  });

  it("flags a value past its review date only when asked for today's date", () => {
    const value = { sources: [{ type: "legal-text" as const }], reviewDue: "2026-06-01" };
    expect(valueFlags(value, "2026-12-05")).toEqual([{ kind: "stale", label: "Review overdue since 2026-06-01" }]);
    expect(valueFlags(value, "2026-06-01")).toEqual([]);
    expect(valueFlags(value)).toEqual([]);
  });
});
