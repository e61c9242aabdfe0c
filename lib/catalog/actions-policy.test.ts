// The framework-editing server actions under the source policy, through the real actions on both
// databases (only Next's request context is provided by the test).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp, type TestUser, useTestDb } from "@/lib/test/auth";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { buildCatalog, buildSource } from "@/lib/test/fixtures";
import { request } from "@/lib/test/next-request";

const { createAuth } = await import("@/lib/auth/auth");
const actions = await import("./actions");
const { importCatalog } = await import("./exchange");

describe.each(PROVIDERS)("catalog editing under the source policy on %s", (provider) => {
  let t: TestDatabase;
  let editor: TestUser;
  const stored = () =>
    t.db.attributeValue.findFirst({ where: { framework: { slug: "test-alliance" } }, include: { sources: true } });

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    useTestDb(t.db);
    editor = await signUp(createAuth(t.db), "Editor"); // the first account: administrator and catalog editor
    request.headers = editor.headers;
    await importCatalog(t.db, buildCatalog());
  });
  afterAll(async () => {
    await t.drop();
  });

  const save = (source: Record<string, unknown>) =>
    actions.setAttributeValue({
      slug: "test-alliance",
      dimension: "collective_defence_clause",
      value: false,
      note: "edited",
      sources: [source],
    });

  it("refuses a denylisted host with a clear message and changes nothing", async () => {
    const before = await stored();
    const result = await save(buildSource({ url: "https://owiki.org/wiki/Test_Alliance" }));
    expect(result).toEqual({
      ok: false,
      code: "unprocessable",
      message:
        'sources.0.url: "https://owiki.org/wiki/Test_Alliance" is a Wikipedia mirror (cite Wikipedia itself, or better the source it cites); owiki.org is never an acceptable source.',
      fieldErrors: expect.objectContaining({ "sources.0.url": [expect.stringMatching(/Wikipedia mirror/)] }),
    });
    expect(await stored()).toEqual(before);
  });

  it("refuses a home page and a source without a type", async () => {
    const before = await stored();
    expect(await save(buildSource({ url: "https://www.osce.org/" }))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/is a site's home page; cite the page that supports the value/),
    });
    const { type: _type, ...untyped } = buildSource();
    expect(await save(untyped)).toMatchObject({ ok: false, message: expect.stringMatching(/^sources\.0\.type: /) });
    expect(await stored()).toEqual(before);
  });

  it("stores an acceptable source with its type, and the as-of and review dates", async () => {
    const result = await actions.setAttributeValue({
      slug: "test-alliance",
      dimension: "collective_defence_clause",
      value: false,
      note: "edited",
      asOf: "2026-12-01",
      reviewDue: "2027-06-01",
      sources: [buildSource({ url: "https://www.reuters.com/world/x", type: "press" })],
    });
    expect(result).toEqual({ ok: true, data: null });
    expect(await stored()).toMatchObject({
      value: "false",
      asOf: "2026-12-01",
      reviewDue: "2027-06-01",
      sources: [{ url: "https://www.reuters.com/world/x", type: "press" }],
    });
  });
});
