import { describe, expect, it } from "vitest";
import { textStats } from "./text-stats";

describe("textStats", () => {
  it("counts words, not punctuation or spaces", () => {
    expect(textStats("NATO's Article 5 — collective defence.").words).toBe(5);
    expect(textStats("   ").words).toBe(0);
    expect(textStats("").readingMinutes).toBe(0);
  });

  it("counts characters as people see them and leaves out block breaks", () => {
    expect(textStats("🇯🇵 Japan").characters).toBe(7);
    expect(textStats("ab\ncd").characters).toBe(4);
  });

  it("splits scripts without spaces into words", () => {
    expect(textStats("日米同盟").words).toBeGreaterThanOrEqual(2);
  });

  it("estimates reading time, at least a minute for any text", () => {
    expect(textStats("word ".repeat(10)).readingMinutes).toBe(1);
    expect(textStats("word ".repeat(2300)).readingMinutes).toBe(10);
  });
});
