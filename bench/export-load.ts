// `npm run bench:export-load`: /api/health latency while 10 PDF exports through share links run in
// parallel, with exports rendered inline on the event loop (the old way) and on the worker pool.
// One scratch SQLite database; a real HTTP server in this process serving the route handlers.
// Prints one JSON line per mode. Numbers, not assertions.

import { GET as exportGet } from "@/app/api/briefings/[id]/export/route";
import { GET as healthGet } from "@/app/api/health/route";
import { createBriefing } from "@/lib/briefings/create";
import { getDb } from "@/lib/db";
import { exportBriefing } from "@/lib/export";
import { authorizeExport } from "@/lib/export/access";
import { exportPool } from "@/lib/export/serve";
import { insertShareLink } from "@/lib/shares/queries";
import { createTestDatabase } from "@/lib/test/databases";
import { createExportFixture, everyNodeDocument, paragraph, writeBriefingContent } from "@/lib/test/export-fixture";
import { startRouteServer } from "@/lib/test/route-server";
import { printBenchLine } from "./report";

const PARALLEL = Number(process.env.BENCH_PARALLEL ?? 10);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const round = (x: number) => Math.round(x);

/** The export route as it was: authorize, then load and render on the request's event loop. */
async function inlineExport(request: Request, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  const url = new URL(request.url);
  await authorizeExport(getDb(), {
    briefingId: id,
    headers: request.headers,
    shareToken: url.searchParams.get("share"),
  });
  const file = await exportBriefing(getDb(), id, "pdf");
  return new Response(new Uint8Array(file!.body), { headers: { "Content-Type": file!.contentType } });
}

async function main() {
  const t = await createTestDatabase("sqlite");
  process.env.DATABASE_URL = t.url; // before the app's first getDb(): the routes use the scratch database
  const fixture = await createExportFixture(t.db);
  const shared: { id: string; token: string }[] = [];
  for (let n = 0; n < PARALLEL; n++) {
    const { id } = await createBriefing(t.db, {
      title: `Load ${n}`,
      ownerId: fixture.owner.id,
      template: "policy-brief",
    });
    const doc = everyNodeDocument(fixture.comparisonId);
    const filler = Array.from({ length: 150 }, (_, i) =>
      paragraph({ type: "text", text: `Briefing ${n}, paragraph ${i}: ${"posture and readiness ".repeat(12)}` }),
    );
    await writeBriefingContent(t.db, id, { ...doc, content: [...(doc.content ?? []), ...filler] });
    const { token } = await insertShareLink(t.db, { briefingId: id, createdById: fixture.owner.id });
    shared.push({ id, token });
  }
  for (const mode of ["inline", "pool"] as const) {
    const server = await startRouteServer([
      { pattern: "/api/health", GET: healthGet },
      { pattern: "/api/briefings/:id/export", GET: mode === "pool" ? exportGet : inlineExport },
    ]);
    const started = performance.now();
    let running = true;
    const exports = Promise.all(
      shared.map((b) =>
        fetch(`${server.url}/api/briefings/${b.id}/export?format=pdf&share=${b.token}`, {
          headers: { "x-forwarded-for": `198.51.100.${mode === "pool" ? 2 : 1}` },
        }).then((r) => r.arrayBuffer()),
      ),
    ).finally(() => {
      running = false;
    });
    const health: number[] = [];
    while (running) {
      const sent = performance.now();
      await fetch(`${server.url}/api/health`).then((r) => r.arrayBuffer());
      health.push(performance.now() - sent);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await exports;
    const total = performance.now() - started;
    printBenchLine("export-load", {
      mode,
      parallel: PARALLEL,
      workers: mode === "pool" ? exportPool().size : 0,
      exports_ms: round(total),
      health_requests: health.length,
      health_median_ms: round(median(health)),
      health_p90_ms: round([...health].sort((a, b) => a - b)[Math.floor(health.length * 0.9)] ?? Number.NaN),
      health_max_ms: round(Math.max(...health)),
    });
    await server.close();
  }
  await exportPool().close();
  await t.drop();
}

await main();
