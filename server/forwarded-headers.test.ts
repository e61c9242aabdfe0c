import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { distrustForwardedHeaders } from "./forwarded-headers";

const request = () =>
  ({
    socket: { remoteAddress: "192.0.2.10" },
    headers: {
      host: "app.example",
      "x-forwarded-for": "203.0.113.1",
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "https",
      "x-forwarded-port": "443",
      forwarded: "host=evil.example",
    },
  }) as unknown as IncomingMessage;

describe("distrustForwardedHeaders", () => {
  it("without TRUST_PROXY, the client address is the socket's and forwarded host and scheme are dropped", () => {
    const req = request();
    distrustForwardedHeaders(req, false);
    expect(req.headers).toEqual({ host: "app.example", "x-forwarded-for": "192.0.2.10" });
  });

  it("with TRUST_PROXY, the proxy's headers stay", () => {
    const req = request();
    distrustForwardedHeaders(req, true);
    expect(req.headers["x-forwarded-host"]).toBe("evil.example");
    expect(req.headers["x-forwarded-for"]).toBe("203.0.113.1");
  });
});
