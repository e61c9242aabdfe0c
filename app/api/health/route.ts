import { getDb, providerOf } from "@/lib/db";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

/** Liveness and database reachability, for load balancers and the test harness. */
export async function GET() {
  const provider = providerOf(env().DATABASE_URL.url);
  try {
    await getDb().$queryRaw`SELECT 1`;
    return Response.json({ status: "ok", database: { provider, reachable: true } });
  } catch (error) {
    console.error("health: database unreachable", error);
    return Response.json({ status: "degraded", database: { provider, reachable: false } }, { status: 503 });
  }
}
