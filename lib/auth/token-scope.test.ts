import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBriefing } from "@/lib/briefings/create";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { buildUser } from "@/lib/test/fixtures";
import { authorize, authorizeBriefing, can, type UserActor } from "./permissions";

describe.each(PROVIDERS)("token scopes in can()/authorize() on %s", (provider) => {
  let t: TestDatabase;
  let user: UserActor;
  let briefingId = "";

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    const row = await t.db.user.create({ data: { ...buildUser(), isAdmin: true, catalogEditor: true } });
    user = { id: row.id, isAdmin: true, catalogEditor: true };
    ({ id: briefingId } = await createBriefing(t.db, { title: "Mine", ownerId: row.id, template: "blank" }));
  });
  afterAll(() => t?.drop());

  it("a read token reads what its user reads and does nothing else", async () => {
    const read: UserActor = { ...user, tokenScope: "read" };
    expect(await can(t.db, read, { action: "briefing:read", briefingId })).toBe(true);
    for (const action of ["briefing:comment", "briefing:edit", "briefing:share", "briefing:delete"] as const) {
      expect(await can(t.db, read, { action, briefingId })).toBe(false);
      expect(await can(t.db, user, { action, briefingId })).toBe(true);
    }
    for (const permission of [
      { action: "briefing:create" },
      { action: "comparison:create" },
      { action: "team:create" },
      { action: "catalog:edit" },
      { action: "admin:users" },
    ] as const) {
      expect(await can(t.db, read, permission)).toBe(false);
      expect(await can(t.db, { ...user, tokenScope: "write" }, permission)).toBe(true);
    }
  });

  it("refuses a read token's writes with 403 (not 404: it may see the briefing)", async () => {
    const read: UserActor = { ...user, tokenScope: "read" };
    await expect(authorizeBriefing(t.db, read, briefingId, "edit")).rejects.toMatchObject({ code: "forbidden" });
    await expect(authorize(t.db, read, { action: "briefing:share", briefingId })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(authorizeBriefing(t.db, read, briefingId, "read")).resolves.toBe("owner");
  });
});
