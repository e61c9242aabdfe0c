import { describe, expect, it } from "vitest";
import { formatNumber, formatValue } from "./format";

describe("formatNumber", () => {
  it("writes numbers as en-GB does, whole ones without the locale formatter", () => {
    const intl = new Intl.NumberFormat("en-GB");
    const samples = [0, 7, -7, 12, 999, 1000, -1000, 1234, 12345, 123456, 1234567, -9876543, 2 ** 40, 0.5, -1.25, 1.75];
    for (const n of samples) expect(formatNumber(n)).toBe(intl.format(n));
    expect(formatNumber(Number.MAX_SAFE_INTEGER)).toBe(intl.format(Number.MAX_SAFE_INTEGER));
  });

  it("is what number values show", () => {
    expect(formatValue("number", 32000)).toBe("32,000");
  });
});
