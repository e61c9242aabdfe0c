import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerHealthCheck, unregisterHealthCheck } from "@/lib/health";
import { useTestDb } from "@/lib/test/auth";
import { createTestDatabase, type TestDatabase } from "@/lib/test/databases";
import { GET } from "./route";

describe("GET /api/health", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase("sqlite");
    useTestDb(t.db);
  });
  afterAll(async () => {
    unregisterHealthCheck("redis");
    await t?.drop();
  });

  it("is ok with a reachable database and no Redis configured", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", database: { reachable: true } });
  });

  it("reports a Redis link that is down as degraded (503) and recovers with it", async () => {
    let up = false;
    registerHealthCheck("redis", () => up);
    const down = await GET();
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ status: "degraded", redis: { reachable: false } });
    up = true;
    expect((await GET()).status).toBe(200);
  });
});
