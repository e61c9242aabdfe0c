import { describe, expect, it } from "vitest";
import { hyphenateToFit } from "./hyphenate";

// A monospaced measure: every character is 1 wide.
const measure = (text: string) => [...text].length;

describe("hyphenateToFit", () => {
  it("leaves text that fits alone", () => {
    expect(hyphenateToFit("Interoperability of forces", 20, 1, measure)).toBe("Interoperability of forces");
  });

  it("splits a word wider than the column at a syllable-like boundary, with a hyphen", () => {
    const out = hyphenateToFit("Interoperability", 12, 1, measure);
    expect(out.replace(/-/g, "")).toBe("Interoperability");
    const pieces = out.split("-");
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces.slice(0, -1)) expect(measure(`${piece}-`)).toBeLessThanOrEqual(12);
    expect(out).toBe("Interopera-bility");
  });

  it("falls back to the last letter that fits when the word has no vowels to break at", () => {
    expect(hyphenateToFit("XXXXXXXXXX", 5, 1, measure)).toBe("XXXX-XXXX-XX");
  });
});
