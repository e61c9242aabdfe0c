import { getDb, providerOf } from "@/lib/db";
import { env } from "@/lib/env";
import { runHealthChecks } from "@/lib/health";

export const dynamic = "force-dynamic";

/**
 * Liveness and reachability of the database (and of Redis when instances are linked), for load
 * balancers and the test harness: 200 when everything is reachable, 503 otherwise.
 */
export async function GET() {
  const provider = providerOf(env().DATABASE_URL.url);
  let reachable = true;
  try {
    await getDb().$queryRaw`SELECT 1`;
  } catch (error) {
    console.error("health: database unreachable", error);
    reachable = false;
  }
  const components = runHealthChecks();
  const ok = reachable && Object.values(components).every(Boolean);
  const redis = "redis" in components ? { redis: { reachable: components.redis } } : {};
  return Response.json(
    { status: ok ? "ok" : "degraded", database: { provider, reachable }, ...redis },
    { status: ok ? 200 : 503 },
  );
}
