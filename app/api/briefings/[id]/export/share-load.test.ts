import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as healthGet } from "@/app/api/health/route";
import { createBriefing } from "@/lib/briefings/create";
import { exportPool } from "@/lib/export/serve";
import { insertShareLink } from "@/lib/shares/queries";
import { useTestDb } from "@/lib/test/auth";
import { sleep } from "@/lib/test/collab";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { createExportFixture, everyNodeDocument, paragraph, writeBriefingContent } from "@/lib/test/export-fixture";
import { startRouteServer } from "@/lib/test/route-server";
import { GET as exportGet } from "./route";

type Shared = { id: string; token: string };
type Download = { status: number; cache: string | null; retryAfter: string | null; body: Buffer };

/** A few pages of text, so each PDF keeps a worker busy for a while. */
function longDocument(comparisonId: string, n: number) {
  const doc = everyNodeDocument(comparisonId);
  const filler = Array.from({ length: 400 }, (_, i) =>
    paragraph({ type: "text", text: `Briefing ${n}, paragraph ${i}: ${"posture and readiness ".repeat(12)}` }),
  );
  return { ...doc, content: [...(doc.content ?? []), ...filler] };
}

describe.each(PROVIDERS)("anonymous exports through share links, over HTTP, on %s", (provider) => {
  let t: TestDatabase;
  let server: Awaited<ReturnType<typeof startRouteServer>>;
  let main: Shared & { ownerId: string; comparisonId: string };
  const briefings: Shared[] = [];

  const download = async (b: Shared, address: string, format = "pdf"): Promise<Download> => {
    const response = await fetch(`${server.url}/api/briefings/${b.id}/export?format=${format}&share=${b.token}`, {
      headers: { "x-forwarded-for": address },
    });
    return {
      status: response.status,
      cache: response.headers.get("x-export-cache"),
      retryAfter: response.headers.get("retry-after"),
      body: Buffer.from(await response.arrayBuffer()),
    };
  };
  const share = async (briefingId: string) => ({
    id: briefingId,
    token: (await insertShareLink(t.db, { briefingId, createdById: main.ownerId })).token,
  });

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    useTestDb(t.db);
    const fixture = await createExportFixture(t.db);
    main = { id: fixture.briefingId, token: "", ownerId: fixture.owner.id, comparisonId: fixture.comparisonId };
    main.token = (await share(main.id)).token;
    for (let n = 0; n < 10; n++) {
      const { id } = await createBriefing(t.db, {
        title: `Load ${n}`,
        ownerId: main.ownerId,
        template: "policy-brief",
      });
      await writeBriefingContent(t.db, id, longDocument(main.comparisonId, n));
      briefings.push(await share(id));
    }
    server = await startRouteServer([
      { pattern: "/api/health", GET: healthGet },
      { pattern: "/api/briefings/:id/export", GET: exportGet },
    ]);
  });
  afterAll(async () => {
    await server?.close();
    await t?.drop();
  });

  it("renders 10 parallel PDFs off the main thread: /api/health answers while they are still rendering", async () => {
    const pool = exportPool();
    const renderedBefore = pool.rendered;
    let finished = 0;
    const downloads = briefings.map((b) =>
      download(b, "203.0.113.10").then((d) => {
        finished++;
        return d;
      }),
    );
    // Until the first render has started (or, were exports rendered inline, all have finished).
    while (pool.active === 0 && finished < briefings.length) await sleep(5);
    const health = await fetch(`${server.url}/api/health`);
    const finishedWhenHealthAnswered = finished;
    expect(health.status).toBe(200);
    const results = await Promise.all(downloads);
    // Inline rendering answers health only after every export (10). How many renders are still
    // queued at that moment depends on the machine's speed, so it is not asserted.
    expect(finishedWhenHealthAnswered).toBeLessThan(10);
    for (const r of results) {
      expect(r.status).toBe(200);
      expect(r.cache).toBe("miss");
      expect(r.body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    }
    expect(pool.rendered - renderedBefore).toBe(10);
  });

  it("refuses the 11th export a minute from one address with 429 and Retry-After; others still get theirs", async () => {
    const refused = await download(briefings[0]!, "203.0.113.10");
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(JSON.parse(refused.body.toString("utf8"))).toMatchObject({ error: { code: "rate_limited" } });
    expect((await download(briefings[0]!, "198.51.100.1")).status).toBe(200);
  });

  it("serves an unchanged briefing from the cache, limits each link to 10 a minute, re-renders a change", async () => {
    const pool = exportPool();
    const renderedBefore = pool.rendered;
    const first = await download(main, "192.0.2.1");
    expect(first).toMatchObject({ status: 200, cache: "miss" });
    for (let i = 2; i <= 10; i++) {
      const again = await download(main, `192.0.2.${i}`);
      expect(again.status).toBe(200);
      expect(again.cache).toBe("hit");
      expect(again.body.equals(first.body)).toBe(true);
    }
    expect(pool.rendered - renderedBefore).toBe(1);
    // The 11th through the same link, from yet another address.
    const refused = await download(main, "192.0.2.11");
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);

    const second = await share(main.id); // a new link has its own allowance
    expect((await download(second, "192.0.2.12")).cache).toBe("hit");
    await writeBriefingContent(t.db, main.id, longDocument(main.comparisonId, 99));
    const changed = await download(second, "192.0.2.13");
    expect(changed).toMatchObject({ status: 200, cache: "miss" });
    expect(changed.body.equals(first.body)).toBe(false);
    expect(pool.rendered - renderedBefore).toBe(2);
  });
});
