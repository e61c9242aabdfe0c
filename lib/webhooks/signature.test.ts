import { describe, expect, it } from "vitest";
import { RETRY_DELAYS_MS, retryDelayMs } from "./delivery";
import { newWebhookSecret, openWebhookSecret, sealWebhookSecret } from "./secret";
import { signWebhookBody, verifyWebhookSignature } from "./signature";
import { refusedAddress, refusedUrl, safeLookup } from "./url-policy";

const secret = "whsec_test-secret";
const body = '{"id":"d1","event":"ping","data":{}}';
const t = 1_800_000_000;
const now = t * 1000;

describe("webhook signatures", () => {
  it("signs t.body with HMAC-SHA256 and verifies it", () => {
    const header = signWebhookBody(secret, body, t);
    // Known answer (openssl dgst -sha256 -hmac): receivers in any language compute exactly this.
    expect(header).toBe("t=1800000000,v1=71e15197a1d80df56e93baa89517ba21feaabe0ef6358acee478d6aa2e88aa8e");
    expect(verifyWebhookSignature(secret, header, body, { now })).toBe(true);
  });

  it("refuses a changed body, another secret, a malformed header and an old or future timestamp", () => {
    const header = signWebhookBody(secret, body, t);
    expect(verifyWebhookSignature(secret, header, `${body} `, { now })).toBe(false);
    expect(verifyWebhookSignature("whsec_other", header, body, { now })).toBe(false);
    expect(verifyWebhookSignature(secret, "v1=abc", body, { now })).toBe(false);
    expect(verifyWebhookSignature(secret, null, body, { now })).toBe(false);
    expect(verifyWebhookSignature(secret, header, body, { now: now + 301_000 })).toBe(false);
    expect(verifyWebhookSignature(secret, header, body, { now: now - 301_000 })).toBe(false);
    expect(verifyWebhookSignature(secret, header, body, { now: now + 299_000 })).toBe(true);
    // The timestamp is signed: moving it forward breaks the signature.
    expect(verifyWebhookSignature(secret, header.replace(`t=${t}`, `t=${t + 1}`), body, { now })).toBe(false);
  });

  it("accepts any matching v1 value (rolling secrets)", () => {
    const good = signWebhookBody(secret, body, t).split(",")[1];
    expect(verifyWebhookSignature(secret, `t=${t},v1=${"0".repeat(64)},${good}`, body, { now })).toBe(true);
  });
});

describe("retry schedule", () => {
  it("waits 1 min, 5 min, 30 min, 2 h, 12 h, then gives up", () => {
    expect([1, 2, 3, 4, 5, 6].map(retryDelayMs)).toEqual([60_000, 300_000, 1_800_000, 7_200_000, 43_200_000, null]);
    expect(RETRY_DELAYS_MS).toHaveLength(5);
  });
});

describe("stored secrets", () => {
  it("round-trips through encryption and shows only a prefix; tampering is detected", () => {
    const { secret: fresh, prefix } = newWebhookSecret();
    expect(fresh.startsWith(prefix)).toBe(true);
    expect(fresh).toMatch(/^whsec_[A-Za-z0-9_-]{32}$/);
    const sealed = sealWebhookSecret(fresh);
    expect(sealed).not.toContain(fresh.slice(6));
    expect(openWebhookSecret(sealed)).toBe(fresh);
    const parts = sealed.split(".");
    parts[3] = `${parts[3]!.slice(0, -2)}AA`;
    expect(openWebhookSecret(parts.join("."))).toBeNull();
  });
});

describe("webhook URL policy (SSRF)", () => {
  const production = { allowLocal: false };
  const development = { allowLocal: true };

  it("takes https only in production and refuses local and private targets", () => {
    expect(refusedUrl("https://hooks.example.org/x", production)).toBeNull();
    expect(refusedUrl("http://hooks.example.org/x", production)).toMatch(/https/);
    expect(refusedUrl("ftp://hooks.example.org/x", production)).toMatch(/https/);
    expect(refusedUrl("not a url", production)).toMatch(/full URL/);
    expect(refusedUrl("https://user:pw@hooks.example.org/", production)).toMatch(/user name/);
    for (const url of [
      "http://localhost:3000/",
      "https://localhost/",
      "https://127.0.0.1/",
      "https://[::1]/",
      "https://10.1.2.3/",
      "https://192.168.1.1/",
      "https://172.20.0.1/",
      "https://169.254.169.254/latest/meta-data",
      "https://[::ffff:10.0.0.1]/",
      "https://[fd00::1]/",
      "https://metadata.internal/",
      "https://printer.local/",
      "https://localhost./",
    ]) {
      expect(refusedUrl(url, production), url).not.toBeNull();
    }
  });

  it("allows loopback over http in development, never link-local (cloud metadata)", () => {
    expect(refusedUrl("http://localhost:4000/hook", development)).toBeNull();
    expect(refusedUrl("http://127.0.0.1:4000/hook", development)).toBeNull();
    expect(refusedUrl("http://[::1]:4000/hook", development)).toBeNull();
    expect(refusedUrl("http://10.0.0.5/hook", development)).toMatch(/https/);
    expect(refusedUrl("https://169.254.169.254/", development)).toMatch(/link-local/);
    expect(refusedAddress("fe80::1", development)).toMatch(/link-local/);
    expect(refusedAddress("93.184.216.34", production)).toBeNull();
    expect(refusedAddress("2606:2800:220:1::", production)).toBeNull();
  });

  it("refuses at connect time a host name that resolves to a private address", async () => {
    const lookup = safeLookup(production);
    const error = await new Promise<Error | null>((resolve) => lookup("localhost", {}, (e) => resolve(e)));
    expect(error?.message).toMatch(/Refused: localhost resolves to .*(private|loopback)/);
    const allowed = await new Promise<unknown>((resolve) =>
      safeLookup(development)("localhost", {}, (e, a) => resolve(e ?? a)),
    );
    expect(typeof allowed === "string" || Array.isArray(allowed)).toBe(true);
  });
});
