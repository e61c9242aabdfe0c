// Every route handler under app/api against malformed requests: bad path ids, bad query
// parameters, bad JSON bodies, non-object bodies, prototype keys, oversized values. Each must
// answer 4xx with a message a person can read, and write nothing. Handlers are called directly
// with real Requests over a real database, as Next would call them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAuth } from "@/lib/auth/auth";
import { createBriefing } from "@/lib/briefings/create";
import { importCatalog } from "@/lib/catalog/exchange";
import { createSavedComparison } from "@/lib/comparisons/queries";
import { insertShareLink, markShareLinkRevoked } from "@/lib/shares/queries";
import { signUp, type TestUser, useTestDb } from "@/lib/test/auth";
import { expectHumanMessage, expectNoPollution, OVERSIZED } from "@/lib/test/bad-input";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { buildCatalog, buildFramework } from "@/lib/test/fixtures";
import { tableSnapshot } from "@/lib/test/snapshot";

type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
type Case = { label: string; status: number | number[]; request: () => Promise<Response> };

const ORIGIN = "http://localhost:3000";
/** Path values a client can put in any `[param]` segment (Next hands them over decoded). */
const BAD_IDS = [
  "",
  " ",
  "x".repeat(10_000),
  "../../etc/passwd",
  "\u0000",
  "id with spaces",
  "<script>",
  "null",
  "__proto__",
  "constructor",
];

describe.each(PROVIDERS)("route handlers refuse malformed requests on %s", (provider) => {
  let t: TestDatabase;
  let reader: TestUser;
  let briefingId = "";
  let revokedToken = "";
  let otherBriefingToken = "";
  const routes: Record<string, Handler> = {};

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    useTestDb(t.db);
    reader = await signUp(getAuth(t.db), "Reader");
    await importCatalog(t.db, buildCatalog([buildFramework({ slug: "alpha" }), buildFramework({ slug: "beta" })]));
    briefingId = (await createBriefing(t.db, { title: "Target", ownerId: reader.id, template: "blank" })).id;
    await createSavedComparison(t.db, { name: "A vs B", state: "fw=alpha,beta", ownerId: reader.id });
    const link = await insertShareLink(t.db, { briefingId, createdById: reader.id });
    await markShareLinkRevoked(t.db, briefingId, link.id);
    revokedToken = link.token;
    const other = await createBriefing(t.db, { title: "Other", ownerId: reader.id, template: "blank" });
    otherBriefingToken = (await insertShareLink(t.db, { briefingId: other.id, createdById: reader.id })).token;
    const load = async (path: string) => (await import(path)) as Record<string, Handler>;
    routes.briefing = (await load("@/app/api/briefings/[id]/route")).GET!;
    routes.export = (await load("@/app/api/briefings/[id]/export/route")).GET!;
    routes.compareCsv = (await load("@/app/api/compare.csv/route")).GET!;
    routes.compareData = (await load("@/app/api/compare/data/route")).GET!;
    routes.compareOptions = (await load("@/app/api/compare/options/route")).GET!;
    routes.comparison = (await load("@/app/api/comparisons/[id]/route")).GET!;
    routes.comparisons = (await load("@/app/api/comparisons/route")).GET!;
    routes.framework = (await load("@/app/api/frameworks/[slug]/route")).GET!;
    routes.frameworks = (await load("@/app/api/frameworks/route")).GET!;
    routes.health = (await load("@/app/api/health/route")).GET!;
    routes.shareContent = (await load("@/app/api/share/[token]/content/route")).GET!;
    const auth = await load("@/app/api/auth/[...all]/route");
    routes.authGet = auth.GET!;
    routes.authPost = auth.POST!;
  });
  afterAll(() => t?.drop());

  const get = (route: string, path: string, params: Record<string, string> = {}, headers?: HeadersInit) =>
    routes[route]!(new Request(`${ORIGIN}${path}`, { headers }), { params: Promise.resolve(params) });
  const authed = () => reader.headers;
  const q = encodeURIComponent;

  function pathCases(route: string, param: string, path: (id: string) => string, status: number[]): Case[] {
    return BAD_IDS.map((id) => ({
      label: `${route} with ${JSON.stringify(id.slice(0, 20))}${id.length > 20 ? "…" : ""}`,
      status,
      request: () => get(route, path(q(id)), { [param]: id }, authed()),
    }));
  }

  const getCases = (): Case[] => [
    ...pathCases("briefing", "id", (id) => `/api/briefings/${id}`, [400, 404]),
    {
      label: "briefing signed out",
      status: 401,
      request: () => get("briefing", `/api/briefings/${briefingId}`, { id: briefingId }),
    },
    ...pathCases("export", "id", (id) => `/api/briefings/${id}/export?format=md`, [404]),
    ...["", "exe", "PDF", OVERSIZED, "md&format=pdf"].map((format) => ({
      label: `export with format ${JSON.stringify(format.slice(0, 20))}`,
      status: 400,
      request: () =>
        get("export", `/api/briefings/${briefingId}/export?format=${q(format)}`, { id: briefingId }, authed()),
    })),
    ...["forged", "A".repeat(43), revokedToken, otherBriefingToken, OVERSIZED].map((share, i) => ({
      label: `export with share token ${i}`,
      status: [404, 410],
      request: () =>
        get("export", `/api/briefings/${briefingId}/export?format=md&share=${q(share)}`, { id: briefingId }),
    })),
    ...[
      "",
      "frameworks=",
      "frameworks=alpha&bogus=1",
      "frameworks=Alpha!",
      "frameworks=alpha,nope",
      "frameworks=alpha&dimensions=NOT-A-KEY",
      "frameworks=alpha&dimensions=no_such_key",
      "frameworks=alpha&transpose=maybe",
      `frameworks=${"a,".repeat(5_000)}`,
      `frameworks=${OVERSIZED}`,
      "__proto__=1&frameworks=alpha",
      "constructor=1&frameworks=alpha",
    ].map((query) => ({
      label: `compare.csv with ${query.slice(0, 40)}`,
      status: 400,
      request: () => get("compareCsv", `/api/compare.csv?${query}`),
    })),
    ...[
      "bogus=1&fw=alpha",
      "v=abc&fw=alpha",
      "v=-1&fw=alpha",
      "v=1.5&fw=alpha",
      `v=${"9".repeat(40)}&fw=alpha`,
      "fw=Alpha!",
      "all=1&region=mars",
      "fw=alpha&transpose=1",
      `fw=${OVERSIZED}`,
      `fw=${Array.from({ length: 60 }, (_, i) => `f${i}`).join(",")}`,
      "__proto__=1&fw=alpha",
      "constructor=1&fw=alpha",
    ].map((query) => ({
      label: `compare data with ${query.slice(0, 40)}`,
      status: 400,
      request: () => get("compareData", `/api/compare/data?${query}`),
    })),
    ...["v=abc", "v=0", "bogus=1", `v=${OVERSIZED}`, "__proto__=1", "constructor=1"].map((query) => ({
      label: `compare options with ${query.slice(0, 40)}`,
      status: 400,
      request: () => get("compareOptions", `/api/compare/options?${query}`),
    })),
    ...pathCases("comparison", "id", (id) => `/api/comparisons/${id}`, [400, 404]),
    { label: "comparisons signed out", status: 401, request: () => get("comparisons", "/api/comparisons?limit=-1") },
    ...pathCases("framework", "slug", (slug) => `/api/frameworks/${slug}`, [400, 404]),
    ...[
      "bogus=1",
      "kind=empire",
      "region=mars",
      "status=asleep",
      "country=XXX",
      `q=${OVERSIZED}`,
      "__proto__=x",
      "constructor=x",
      "kind=collective-defence-alliance&kind=empire",
      "q=%00",
    ].map((query) => ({
      label: `frameworks with ${query.slice(0, 40)}`,
      status: 400,
      request: () => get("frameworks", `/api/frameworks?${query}`),
    })),
    ...[...BAD_IDS, "A".repeat(43), revokedToken].map((token, i) => ({
      label: `share content with token ${i}`,
      status: [404, 410],
      request: () => get("shareContent", `/api/share/${q(token)}/content?since=${q(OVERSIZED)}`, { token }),
    })),
  ];

  async function expectRefused({ label, status, request }: Case): Promise<void> {
    const response = await request();
    const allowed = Array.isArray(status) ? status : [status];
    const text = await response.text();
    expect.soft(allowed, `${label}: status ${response.status} ${text.slice(0, 200)}`).toContain(response.status);
    const body = JSON.parse(text) as { error?: { message?: unknown }; message?: unknown };
    expectHumanMessage(body.error?.message ?? body.message, label);
    expectNoPollution(label);
  }

  it("answers every malformed GET with 4xx JSON and writes nothing", async () => {
    const before = await tableSnapshot(t.db);
    const cases = getCases();
    for (const c of cases) await expectRefused(c);
    expect(await tableSnapshot(t.db)).toEqual(before);
  });

  it("ignores junk query parameters on routes that take none", async () => {
    const before = await tableSnapshot(t.db);
    const junk = `?x=${q(OVERSIZED)}&__proto__=1&constructor[prototype]=1`;
    expect((await get("health", `/api/health${junk}`)).status).toBe(200);
    expect((await get("comparisons", `/api/comparisons${junk}`, {}, authed())).status).toBe(200);
    expectNoPollution("junk query");
    expect(await tableSnapshot(t.db)).toEqual(before);
  });

  // Each request from its own (documentation-range) address, so that rate limiting, which is
  // tested elsewhere, does not answer 429 before the body is even validated.
  let client = 0;
  const post = (path: string, body: BodyInit | null, headers: Record<string, string> = {}) =>
    routes.authPost!(
      new Request(`${ORIGIN}/api/auth/${path}`, {
        method: "POST",
        body,
        headers: {
          "content-type": "application/json",
          origin: ORIGIN,
          "x-forwarded-for": `203.0.113.${++client % 250}`,
          ...headers,
        },
      }),
      { params: Promise.resolve({ all: path.split("/") }) },
    );
  let serial = 0;
  /** Bodies that every endpoint must refuse; each uses a fresh address, so none hits "already exists". */
  function badBodies(): [string, string][] {
    const body = () => ({
      name: "Mallory",
      email: `mallory${++serial}@example.org`,
      password: "a long enough password",
    });
    return [
      ["bad JSON", "{not json"],
      ["null", "null"],
      ["an array", JSON.stringify([body()])],
      ["a string", JSON.stringify("mallory")],
      ["a number", "42"],
      ["an empty body", ""],
      ["fields under __proto__", `{"__proto__": ${JSON.stringify(body())}}`],
      ["wrong types", JSON.stringify({ name: 1, email: true, password: [] })],
      ["an oversized name", JSON.stringify({ ...body(), name: OVERSIZED })],
      ["an empty name", JSON.stringify({ ...body(), name: "  " })],
      ["a NUL byte in the name", JSON.stringify({ ...body(), name: "Mal\u0000lory" })],
      ["a NUL byte in the e-mail", JSON.stringify({ ...body(), email: "mal\u0000lory@example.org" })],
      ["an oversized password", JSON.stringify({ ...body(), password: OVERSIZED })],
      ["a malformed e-mail", JSON.stringify({ ...body(), email: "mallory" })],
      ["a profile image", JSON.stringify({ ...body(), image: OVERSIZED })],
    ];
  }
  const ENDPOINT_BODIES: Record<string, [string, string][]> = {
    "update-user": [
      ["an oversized name", JSON.stringify({ name: OVERSIZED })],
      ["an empty name", JSON.stringify({ name: "" })],
      ["a NUL byte in the name", JSON.stringify({ name: "Re\u0000ader" })],
      ["a profile image", JSON.stringify({ image: "https://example.org/a.png" })],
      ["admin flags", JSON.stringify({ isAdmin: true, catalogEditor: true })],
      ["a new e-mail", JSON.stringify({ email: "other@example.org" })],
    ],
    "organization/create": [
      ["an oversized team name", JSON.stringify({ name: OVERSIZED, slug: "big-team" })],
      ["a one-letter team name", JSON.stringify({ name: "x", slug: "x-team" })],
      ["an oversized slug", JSON.stringify({ name: "Fine team", slug: OVERSIZED })],
      ["a slug with spaces", JSON.stringify({ name: "Fine team", slug: "Not A Slug" })],
      ["a NUL byte in the team name", JSON.stringify({ name: "Te\u0000am", slug: "nul-team" })],
    ],
  };

  // Rate-limit counters are left out of the comparison: they must count bad attempts too.
  it("refuses malformed sign-up, sign-in and account bodies without creating or changing anyone", async () => {
    const before = await tableSnapshot(t.db, ["RateLimit"]);
    const cookie = reader.headers.get("cookie") ?? "";
    for (const endpoint of [
      "sign-up/email",
      "sign-in/email",
      "change-password",
      "update-user",
      "organization/create",
    ]) {
      const headers: Record<string, string> = endpoint.startsWith("sign-") ? {} : { cookie };
      for (const [label, body] of [...badBodies(), ...(ENDPOINT_BODIES[endpoint] ?? [])]) {
        const response = await post(endpoint, body, headers);
        const text = await response.text();
        const what = `POST ${endpoint} with ${label}: ${response.status} ${text.slice(0, 200)}`;
        expect.soft(response.status, what).toBeGreaterThanOrEqual(400);
        expect.soft(response.status, what).toBeLessThan(500);
        expectNoPollution(what);
      }
    }
    expect((await get("authGet", "/api/auth/no-such-endpoint")).status).toBe(404);
    expect(await tableSnapshot(t.db, ["RateLimit"])).toEqual(before);
  });

  it("ignores privilege flags in a sign-up body", async () => {
    const email = "flags@example.org";
    const body = { name: "Flags", email, password: "a long enough password", isAdmin: true, catalogEditor: true };
    const response = await post("sign-up/email", JSON.stringify(body));
    expect([200, 400]).toContain(response.status);
    const user = await t.db.user.findUnique({ where: { email } });
    expect({ isAdmin: user?.isAdmin ?? false, catalogEditor: user?.catalogEditor ?? false }).toEqual({
      isAdmin: false,
      catalogEditor: false,
    });
  });
});
