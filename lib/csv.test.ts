import { describe, expect, it } from "vitest";
import { parseCsv, toCsv } from "./csv";

describe("csv", () => {
  it("quotes commas, quotes and line breaks (RFC 4180) and ends lines with CRLF", () => {
    expect(toCsv([["a", 'say "hi"', "x,y", "two\nlines", null, 3, true]])).toBe(
      'a,"say ""hi""","x,y","two\nlines",,3,true\r\n',
    );
  });

  it("prefixes a UTF-8 byte-order mark on request", () => {
    expect(toCsv([["é"]], true)).toBe("\uFEFFé\r\n");
  });

  it("parses what it writes", () => {
    const rows = [
      ["slug", "summary"],
      ["nato", 'Says "attack on one", then, more\r\nlines'],
      ["", " padded "],
    ];
    expect(parseCsv(toCsv(rows, true))).toEqual(rows);
  });

  it("neutralises text a spreadsheet would run as a formula, keeps plain numbers, and parses it back", () => {
    const cells = ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\t=evil", "\r=evil", "'=already quoted", "-5", "+1.5", "plain"];
    const csv = toCsv([cells]);
    expect(csv).toBe(`'=1+1,'+SUM(A1),'-2+3,'@cmd,'\t=evil,"'\r=evil",''=already quoted,-5,+1.5,plain\r\n`);
    expect(toCsv([[-5]])).toBe("-5\r\n");
    expect(parseCsv(csv)).toEqual([cells]);
  });

  it("reports an unterminated quote with its line", () => {
    expect(() => parseCsv('a,b\n"open,c\n')).toThrow(/line 2/);
  });
});
