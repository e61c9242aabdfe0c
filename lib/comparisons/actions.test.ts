import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp, type TestUser, useTestDb } from "@/lib/test/auth";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { buildCatalog, buildFramework } from "@/lib/test/fixtures";
import { request } from "@/lib/test/next-request";

const { createAuth } = await import("@/lib/auth/auth");
const { can } = await import("@/lib/auth/permissions");
const { importCatalog } = await import("@/lib/catalog/exchange");
const { saveComparison, deleteComparison } = await import("./actions");

const as = (user: TestUser) => {
  request.headers = user.headers;
};

describe.each(PROVIDERS)("saved comparison actions on %s", (provider) => {
  let t: TestDatabase;
  const u: Record<string, TestUser> = {};
  let teamId = "";
  beforeAll(async () => {
    t = await createTestDatabase(provider);
    useTestDb(t.db);
    const auth = createAuth(t.db);
    for (const name of ["Owner", "Teammate", "Outsider"]) u[name] = await signUp(auth, name);
    await importCatalog(t.db, buildCatalog([buildFramework({ slug: "a" }), buildFramework({ slug: "b" })]));
    const team = await t.db.organization.create({ data: { id: "team-1", name: "Desk", slug: "desk" } });
    teamId = team.id;
    await t.db.member.createMany({
      data: [
        { id: "m1", organizationId: teamId, userId: u.Owner!.id, role: "owner" },
        { id: "m2", organizationId: teamId, userId: u.Teammate!.id, role: "member" },
      ],
    });
  });
  afterAll(async () => {
    await t.drop();
  });

  it("saves for a team the user belongs to, refuses a team they do not, and refuses bad state", async () => {
    as(u.Owner!);
    const saved = await saveComparison({ name: "A vs B", state: "fw=a,b", teamId });
    expect(saved.ok).toBe(true);
    as(u.Outsider!);
    expect(await saveComparison({ name: "Sneaky", state: "fw=a,b", teamId })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await saveComparison({ name: "Empty", state: "" })).toMatchObject({ ok: false, code: "unprocessable" });
    expect(await t.db.savedComparison.count()).toBe(1);
  });

  it("lets teammates read a team's comparison, only the owner (or team admins) delete it", async () => {
    const row = await t.db.savedComparison.findFirstOrThrow();
    const actor = (user: TestUser) => ({ id: user.id, isAdmin: false, catalogEditor: false });
    expect(await can(t.db, actor(u.Teammate!), { action: "comparison:read", comparisonId: row.id })).toBe(true);
    expect(await can(t.db, actor(u.Outsider!), { action: "comparison:read", comparisonId: row.id })).toBe(false);
    as(u.Teammate!);
    expect(await deleteComparison({ comparisonId: row.id })).toMatchObject({ ok: false, code: "forbidden" });
    as(u.Outsider!);
    expect(await deleteComparison({ comparisonId: row.id })).toMatchObject({ ok: false, code: "not_found" });
    as(u.Owner!);
    expect((await deleteComparison({ comparisonId: row.id })).ok).toBe(true);
    expect(await t.db.savedComparison.count()).toBe(0);
  });
});
