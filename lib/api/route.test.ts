// route(): the order is structural. A signed-out caller of a "user" route is refused before its
// input is even parsed; bad path and query parameters never reach the body; errors come out in the
// app's format, with Retry-After when the error asks to retry later.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { getAuth } from "@/lib/auth/auth";
import { AppError } from "@/lib/errors";
import { RetryLaterError } from "@/lib/export/render-pool";
import { signUp, type TestUser, useTestDb } from "@/lib/test/auth";
import { createTestDatabase, type TestDatabase } from "@/lib/test/databases";
import { route } from "./route";

const call = (handler: ReturnType<typeof route>, path: string, params: Record<string, string>, headers?: Headers) =>
  handler(new Request(`http://localhost:3000${path}`, { headers }), { params: Promise.resolve(params) });

describe("route()", () => {
  let t: TestDatabase;
  let user: TestUser;
  let bodyRuns = 0;

  beforeAll(async () => {
    t = await createTestDatabase("sqlite");
    useTestDb(t.db);
    user = await signUp(getAuth(t.db), "Router");
  });
  afterAll(() => t?.drop());

  const echo = route(
    {
      auth: "user",
      params: { schema: z.object({ id: z.string().regex(/^\d+$/) }) },
      query: { schema: z.object({ n: z.coerce.number().max(5) }) },
    },
    async ({ actor, params, query }) => {
      bodyRuns++;
      return Response.json({ actor: actor.id, id: params.id, n: query.n });
    },
  );

  it("authenticates before parsing: signed out with bad input is a 401, and the body never runs", async () => {
    const response = await call(echo, "/x?n=99", { id: "not-a-number" });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { code: "unauthorized", message: "Sign in to continue." } });
    expect(bodyRuns).toBe(0);
  });

  it("refuses bad path and query parameters with a 400 naming each, before the body", async () => {
    const badPath = await call(echo, "/x?n=1", { id: "abc" }, user.headers);
    expect(badPath.status).toBe(400);
    expect(
      ((await badPath.json()) as { error: { message: string; details: { param: string }[] } }).error,
    ).toMatchObject({
      message: "Invalid path parameters.",
      details: [{ param: "id" }],
    });
    const badQuery = await call(echo, "/x?n=99", { id: "7" }, user.headers);
    expect(badQuery.status).toBe(400);
    expect(((await badQuery.json()) as { error: { details: { param: string }[] } }).error.details).toMatchObject([
      { param: "n" },
    ]);
    expect(bodyRuns).toBe(0);
  });

  it("hands the body the actor and the parsed input", async () => {
    const response = await call(echo, "/x?n=3", { id: "7" }, user.headers);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ actor: user.id, id: "7", n: 3 });
    expect(bodyRuns).toBe(1);
  });

  it("maps thrown errors once: AppError with its status, Retry-After when asked, the unexpected as a bare 500", async () => {
    const throwing = (error: unknown) =>
      route({ auth: "public" }, async () => {
        throw error;
      });
    const notFound = await call(throwing(new AppError("not_found", "No such thing.")), "/x", {});
    expect(notFound.status).toBe(404);
    const busy = await call(throwing(new RetryLaterError("unavailable", "Busy.", 5)), "/x", {});
    expect(busy.status).toBe(503);
    expect(busy.headers.get("Retry-After")).toBe("5");
    const crash = await call(throwing(new Error("secret detail")), "/x", {});
    expect(crash.status).toBe(500);
    expect(await crash.text()).not.toContain("secret detail");
  });
});
