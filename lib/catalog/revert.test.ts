// Reverting catalog changes from the history, through the real server actions on both databases.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp, type TestUser, useTestDb } from "@/lib/test/auth";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { buildCatalog, buildSource } from "@/lib/test/fixtures";
import { request } from "@/lib/test/next-request";

const { createAuth } = await import("@/lib/auth/auth");
const actions = await import("./actions");
const { revertCatalogChange } = await import("./revert-actions");
const { importCatalog } = await import("./exchange");
const { listCatalogChanges } = await import("./audit");

describe.each(PROVIDERS)("reverting catalog changes on %s", (provider) => {
  let t: TestDatabase;
  let editor: TestUser;
  let reader: TestUser;
  const value = () =>
    t.db.attributeValue.findFirst({
      where: { framework: { slug: "test-alliance" } },
      select: { value: true, note: true, sources: { select: { url: true, type: true } } },
    });
  const latest = async () => (await listCatalogChanges(t.db, "test-alliance"))[0]!;
  const setValue = (v: boolean, note: string) =>
    actions.setAttributeValue({
      slug: "test-alliance",
      dimension: "collective_defence_clause",
      value: v,
      note,
      sources: [buildSource({ url: `https://example.org/${note}` })],
    });

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    useTestDb(t.db);
    const auth = createAuth(t.db);
    editor = await signUp(auth, "Editor");
    reader = await signUp(auth, "Reader");
    await importCatalog(t.db, buildCatalog());
  });
  afterAll(async () => {
    await t.drop();
  });

  it("restores the value before a change, records the revert, and refuses to revert twice", async () => {
    request.headers = editor.headers;
    const original = await value();
    expect((await setValue(false, "first")).ok).toBe(true);
    const change = await latest();

    request.headers = reader.headers;
    expect(await revertCatalogChange({ changeId: change.id })).toMatchObject({ ok: false, code: "forbidden" });
    expect((await value())?.note).toBe("first");

    request.headers = editor.headers;
    expect(await revertCatalogChange({ changeId: change.id })).toEqual({ ok: true, data: { slug: "test-alliance" } });
    expect(await value()).toEqual(original);
    const revert = await latest();
    expect(revert).toMatchObject({ revertOf: change.id, entity: "attribute", action: "update" });
    expect((await listCatalogChanges(t.db, "test-alliance")).find((c) => c.id === change.id)?.reverted).toBe(true);
    expect(await revertCatalogChange({ changeId: change.id })).toMatchObject({
      ok: false,
      code: "conflict",
      message: "This change has already been reverted.",
    });
  });

  it("refuses to revert a change that a later one overwrote, and changes nothing", async () => {
    request.headers = editor.headers;
    await setValue(false, "second");
    const older = await latest();
    await setValue(true, "third");
    const before = await value();
    expect(await revertCatalogChange({ changeId: older.id })).toMatchObject({ ok: false, code: "conflict" });
    expect(await value()).toEqual(before);
  });

  it("brings back a deleted value with its sources, and reverts a membership change", async () => {
    request.headers = editor.headers;
    const before = await value();
    expect(
      (await actions.deleteAttributeValue({ slug: "test-alliance", dimension: "collective_defence_clause" })).ok,
    ).toBe(true);
    expect(await value()).toBeNull();
    expect((await revertCatalogChange({ changeId: (await latest()).id })).ok).toBe(true);
    expect(await value()).toEqual(before);

    const membersBefore = await t.db.membership.findMany({
      orderBy: { position: "asc" },
      select: { country: true, status: true },
    });
    await actions.setMembers({
      slug: "test-alliance",
      members: [
        { country: "ARM", role: "member", joined: "1994", left: null, status: "frozen", statusSince: "2024-02" },
      ],
    });
    expect((await revertCatalogChange({ changeId: (await latest()).id })).ok).toBe(true);
    expect(
      await t.db.membership.findMany({ orderBy: { position: "asc" }, select: { country: true, status: true } }),
    ).toEqual(membersBefore);
  });

  it("refuses to restore a value whose source the policy now refuses", async () => {
    request.headers = editor.headers;
    await setValue(true, "fourth");
    // A source stored before the denylist existed (written directly, as older data was).
    const row = await t.db.attributeValue.findFirstOrThrow({ where: { framework: { slug: "test-alliance" } } });
    await t.db.source.updateMany({ where: { attributeValueId: row.id }, data: { url: "https://owiki.org/wiki/X" } });
    await t.db.catalogChange.updateMany({
      where: { id: (await latest()).id },
      data: {
        after: JSON.stringify({
          value: "true",
          note: "fourth",
          asOf: null,
          reviewDue: null,
          sources: [
            {
              title: "Founding treaty",
              url: "https://owiki.org/wiki/X",
              publisher: "Example Ministry",
              accessed: "2026-11-27",
              type: "official",
            },
          ],
        }),
      },
    });
    await setValue(false, "fifth");
    const result = await revertCatalogChange({ changeId: (await latest()).id });
    expect(result).toMatchObject({
      ok: false,
      code: "unprocessable",
      message: expect.stringMatching(/owiki\.org.*Wikipedia mirror/),
    });
    expect((await value())?.note).toBe("fifth");
  });
});
