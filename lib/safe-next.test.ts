import { describe, expect, it } from "vitest";
import { safeNext } from "./safe-next";

const FALLBACK = "/briefings";

describe("safeNext", () => {
  // Values as the page receives them (searchParams are already percent-decoded once).
  const hostile: [string, string][] = [
    ["protocol-relative", "//evil.example"],
    ["backslash", "/\\evil.example"],
    ["tab after the slash (decoded /%09/evil)", "/\t/evil.example"],
    ["newline after the slash", "/\n/evil.example"],
    ["bare tab", "\t"],
    ["CR LF header injection", "/a\r\nSet-Cookie: x=1"],
    ["NUL", "/a\u0000b"],
    ["javascript: URL", "javascript:alert(1)"],
    ["absolute URL", "https://evil.example/"],
    ["encoded slash", "/%2F/evil.example"],
    ["encoded backslash", "/%5C/evil.example"],
    ["very long", `/${"a".repeat(5000)}`],
    ["lone high surrogate", "/a\uD800b"],
    ["lone low surrogate", "/\uDC00"],
    ["empty", ""],
    ["relative path", "briefings"],
    ["scheme-relative with credentials", "//user@evil.example"],
  ];
  it.each(hostile)("refuses %s", (_label, value) => {
    expect(safeNext(value)).toBe(FALLBACK);
  });

  it.each([
    ["/briefings/abc", "/briefings/abc"],
    ["/invite/xyz?tab=1#top", "/invite/xyz?tab=1#top"],
    ["/", "/"],
    ["/compare?fw=nato,aukus", "/compare?fw=nato,aukus"],
    ["/a/../admin", "/admin"],
    ["/caf\u00e9", "/caf%C3%A9"],
  ])("keeps the same-origin path %j", (value, expected) => {
    expect(safeNext(value)).toBe(expected);
  });

  it("uses the first of repeated values and the fallback when absent", () => {
    expect(safeNext(["/teams", "//evil.example"])).toBe("/teams");
    expect(safeNext(undefined, "/")).toBe("/");
  });
});
