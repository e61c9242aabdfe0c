import { describe, expect, it } from "vitest";
import { formatDate, normalizeDate, notBefore, parseDate, precisionLabel } from "./dates";
import { formatSpan } from "./format";
import { catalogDate } from "./schema";

describe("catalog dates of known precision", () => {
  it("formats each precision as such", () => {
    expect(formatDate("1949-08-24")).toBe("24 Aug 1949");
    expect(formatDate("2007-05")).toBe("May 2007");
    expect(formatDate("1948")).toBe("1948");
    expect(formatDate("1956~")).toBe("c. 1956");
    expect(formatDate("2007-05~")).toBe("c. May 2007");
    expect(formatDate(null)).toBe("—");
    expect(formatSpan("1956~", "1979-09")).toBe("c. 1956–1979");
  });

  it("reads the README's spellings and refuses impossible dates", () => {
    expect(catalogDate.parse("c. 1956")).toBe("1956~");
    expect(catalogDate.parse("1948")).toBe("1948");
    expect(catalogDate.parse("2007-05")).toBe("2007-05");
    expect(catalogDate.parse("1949-08-24")).toBe("1949-08-24");
    for (const bad of ["2001-13", "2001-02-30", "1948-1-1", "about 1956", "1948-01-01T00:00"])
      expect(catalogDate.safeParse(bad).success, bad).toBe(false);
    expect(normalizeDate("circa 1956-05")).toBe("1956-05~");
  });

  it("knows the precision and compares across precisions", () => {
    expect(precisionLabel("1948")).toBe("year");
    expect(precisionLabel("2007-05")).toBe("month");
    expect(precisionLabel("1956~")).toBe("approximate");
    expect(parseDate("2024-02-30")).toBeNull();
    expect(notBefore("1999", "1999-04-20")).toBe(true);
    expect(notBefore("1998", "1999-04-20")).toBe(false);
    expect(notBefore("2001-05", "2001-04-30")).toBe(true);
  });
});
