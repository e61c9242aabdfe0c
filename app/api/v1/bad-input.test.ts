// Every /api/v1 handler that takes input against malformed requests (the generic cases of
// lib/test/bad-input.ts as JSON bodies, bad path ids, bad query parameters): each must answer 400
// (or 404 for ids) in the API's error format, with a readable message, and write nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAuth } from "@/lib/auth/auth";
import { createBriefing } from "@/lib/briefings/create";
import { bearer, callRoute } from "@/lib/test/api";
import { signUp, useTestDb } from "@/lib/test/auth";
import { expectHumanMessage, expectNoPollution, genericBadInputs, OVERSIZED } from "@/lib/test/bad-input";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { tableSnapshot } from "@/lib/test/snapshot";

const BAD_IDS = ["", " ", "x".repeat(10_000), "../../etc/passwd", "\u0000", "<script>", "__proto__", "constructor"];

describe.each(PROVIDERS)("/api/v1 refuses malformed requests on %s", (provider) => {
  let t: TestDatabase;
  let briefingId = "";
  let email = "";
  let userId = "";
  const handlers: Record<string, unknown> = {};

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    useTestDb(t.db);
    const user = await signUp(getAuth(t.db), "Writer");
    userId = user.id;
    email = (await signUp(getAuth(t.db), "Grantee")).email;
    briefingId = (await createBriefing(t.db, { title: "Target", ownerId: user.id, template: "blank" })).id;
    handlers.create = (await import("./briefings/route")).POST;
    handlers.briefing = (await import("./briefings/[id]/route")).GET;
    handlers.content = (await import("./briefings/[id]/content/route")).GET;
    handlers.export = (await import("./briefings/[id]/export/route")).GET;
    const grants = await import("./briefings/[id]/grants/route");
    handlers.grant = grants.POST;
    handlers.ungrant = grants.DELETE;
    handlers.markRead = (await import("./notifications/read/route")).POST;
  });
  afterAll(() => t?.drop());

  // A fresh token per group keeps the per-token rate limit out of the way.
  async function expectBadBodies(handler: string, path: string, valid: Record<string, unknown>, required: string[]) {
    const { headers } = await bearer(t.db, userId, "write");
    // Declared as JSON, so each case reaches the schema rather than the content-type check.
    headers.set("content-type", "application/json");
    const method = handler === "ungrant" ? "DELETE" : "POST";
    for (const [label, input] of genericBadInputs({
      action: async () => ({ ok: true, data: null }),
      valid: () => valid,
      required,
    })) {
      const response = await callRoute(handlers[handler], method, path, {
        headers,
        params: { id: briefingId },
        ...(input === undefined ? {} : { body: JSON.stringify(input) }),
      });
      const body = await response.json();
      expect.soft(response.status, `${handler} ${label}`).toBe(400);
      expect.soft(body.error.code, `${handler} ${label}`).toBe("bad_request");
      // Only a missing body stops before the schema; every other case is judged by it.
      if (input !== undefined) expect.soft(Object.keys(body.error.fields), `${handler} ${label}`).not.toEqual(["body"]);
      expectHumanMessage(body.error.message, `${handler} ${label}`);
      expectNoPollution(label);
    }
  }

  it("answers every malformed body with 400 and writes nothing", async () => {
    const before = await tableSnapshot(t.db, ["ApiToken", "RateLimit"]);
    await expectBadBodies("create", "/api/v1/briefings", { title: "Fine" }, ["title"]);
    const grantPath = `/api/v1/briefings/${briefingId}/grants`;
    await expectBadBodies("grant", grantPath, { email, role: "viewer" }, ["email", "role"]);
    await expectBadBodies("ungrant", grantPath, { email, role: "viewer" }, ["email", "role"]);
    await expectBadBodies("markRead", "/api/v1/notifications/read", { ids: ["n1"] }, ["ids"]);
    expect(await tableSnapshot(t.db, ["ApiToken", "RateLimit"])).toEqual(before);
  });

  it("answers bad path ids with 404 and bad formats with 400, in the API's error format", async () => {
    const { headers } = await bearer(t.db, userId, "read");
    for (const id of BAD_IDS) {
      for (const [handler, suffix] of [
        ["briefing", ""],
        ["content", "/content?format=json"],
        ["export", "/export?format=md"],
      ] as const) {
        const response = await callRoute(
          handlers[handler],
          "GET",
          `/api/v1/briefings/${encodeURIComponent(id)}${suffix}`,
          {
            headers,
            params: { id },
          },
        );
        expect.soft(response.status, `${handler} ${JSON.stringify(id.slice(0, 10))}`).toBe(404);
        expectHumanMessage((await response.json()).error.message, handler);
      }
    }
    for (const format of ["", "exe", "PDF", OVERSIZED, "md&format=pdf", "__proto__"]) {
      for (const handler of ["content", "export"]) {
        const response = await callRoute(
          handlers[handler],
          "GET",
          `/api/v1/briefings/${briefingId}/${handler}?format=${encodeURIComponent(format)}`,
          { headers, params: { id: briefingId } },
        );
        expect.soft(response.status, `${handler} format ${format.slice(0, 10)}`).toBe(400);
        expect((await response.json()).error.fields).toBeDefined();
      }
    }
  });
});
