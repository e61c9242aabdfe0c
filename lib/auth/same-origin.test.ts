import { describe, expect, it } from "vitest";
import { isSameOrigin, targetOrigin } from "./same-origin";

const direct = { trustProxy: false };
const proxied = { trustProxy: true };

describe("isSameOrigin", () => {
  const plain = { host: "app.example:3000", encrypted: false };

  it("requires scheme, host and port to match", () => {
    expect(isSameOrigin("http://app.example:3000", plain, direct)).toBe(true);
    expect(isSameOrigin("https://app.example:3000", plain, direct)).toBe(false);
    expect(isSameOrigin("http://app.example:3001", plain, direct)).toBe(false);
    expect(isSameOrigin("http://evil.example:3000", plain, direct)).toBe(false);
    expect(isSameOrigin("null", plain, direct)).toBe(false);
    expect(isSameOrigin("not a url", plain, direct)).toBe(false);
    expect(isSameOrigin("https://app.example", { host: "app.example", encrypted: true }, direct)).toBe(true);
  });

  it("ignores X-Forwarded-Host and -Proto unless TRUST_PROXY is set", () => {
    const forged = { ...plain, forwardedHost: "evil.example", forwardedProto: "https" };
    expect(isSameOrigin("https://evil.example", forged, direct)).toBe(false);
    expect(targetOrigin(forged, direct)).toBe("http://app.example:3000");
    expect(isSameOrigin("https://evil.example", forged, proxied)).toBe(true);
    expect(targetOrigin({ ...forged, forwardedHost: "a.example, b.example" }, proxied)).toBe("https://a.example");
  });

  it("always accepts APP_URL's origin (TLS ended by a proxy that is not trusted)", () => {
    const policy = { trustProxy: false, appUrl: "https://briefings.example.org/" };
    const behindProxy = { host: "briefings.example.org", encrypted: false };
    expect(isSameOrigin("https://briefings.example.org", behindProxy, policy)).toBe(true);
    expect(isSameOrigin("http://briefings.example.org", behindProxy, policy)).toBe(true);
    expect(isSameOrigin("https://evil.example", behindProxy, policy)).toBe(false);
  });
});
