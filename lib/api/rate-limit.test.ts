import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { limitApiCall } from "./rate-limit";

describe.each(PROVIDERS)("limitApiCall on %s", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
  });
  afterAll(() => t?.drop());

  it("lets `limit` calls a minute through per key, then 429 with the seconds left, then a new window", async () => {
    const now = 1_900_000_000_000;
    for (let i = 0; i < 3; i++) await limitApiCall(t.db, "api-token:a", { limit: 3, now: now + i });
    await expect(limitApiCall(t.db, "api-token:a", { limit: 3, now: now + 20_000 })).rejects.toMatchObject({
      code: "rate_limited",
      status: 429,
      retryAfterSeconds: 40,
    });
    // Another bucket is unaffected.
    await limitApiCall(t.db, "api-user:b", { limit: 3, now: now + 20_000 });
    await limitApiCall(t.db, "api-token:a", { limit: 3, now: now + 60_001 });
  });

  it("counts parallel calls exactly", async () => {
    const now = 1_900_000_500_000;
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () => limitApiCall(t.db, "api-token:parallel", { limit: 5, now })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(5);
  });
});
