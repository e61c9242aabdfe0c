import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { createSavedComparison, deleteSavedComparison, getSavedComparison, listSavedComparisons } from "./queries";
import { savedComparisonInputSchema } from "./schema";

describe("saved comparison input", () => {
  it("stores the state in canonical form", () => {
    const parsed = savedComparisonInputSchema.parse({
      name: "  Indo-Pacific  ",
      state: "?transpose=true&fw=quad&fw=aukus",
    });
    expect(parsed).toEqual({ name: "Indo-Pacific", state: "fw=quad,aukus&transpose=1" });
  });

  it("rejects empty or long names, malformed state and empty selections", () => {
    const messages = (input: { name: string; state: string }) =>
      savedComparisonInputSchema.safeParse(input).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`) ?? [];
    expect(messages({ name: " ", state: "fw=nato" })).toEqual(["name: must not be empty"]);
    expect(messages({ name: "x".repeat(121), state: "fw=nato" })).toEqual(["name: must be at most 120 characters"]);
    expect(messages({ name: "ok", state: "fw=nato&transpose=maybe" })[0]).toMatch(/^state: The transpose setting/);
    expect(messages({ name: "ok", state: "transpose=1" })).toEqual(["state: must select at least one framework"]);
    expect(messages({ name: "ok", state: "fw=nato&bogus=1" })).toEqual([
      "state: Ignored unknown URL setting(s): bogus.",
    ]);
  });
});

describe.each(PROVIDERS)("saved comparisons on %s", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
    await t.db.user.create({ data: { id: "u-ada", name: "Ada", email: "ada@example.org" } });
    await t.db.user.create({ data: { id: "u-bob", name: "Bob", email: "bob@example.org" } });
    await t.db.organization.create({ data: { id: "team-1", name: "Analysts", slug: "analysts" } });
  });
  afterAll(async () => {
    await t.drop();
  });

  it("creates, gets by stable id, lists own and team comparisons, and deletes", async () => {
    const own = await createSavedComparison(t.db, { name: "Pacific", state: "fw=quad,aukus", ownerId: "u-ada" });
    expect(own).toMatchObject({
      name: "Pacific",
      state: "fw=quad,aukus",
      ownerId: "u-ada",
      ownerName: "Ada",
      teamId: null,
    });
    expect(own.id).toMatch(/^c[a-z0-9]{20,}$/);
    const shared = await createSavedComparison(t.db, {
      name: "Europe",
      state: "fw=nato,jef&diff=1",
      ownerId: "u-bob",
      teamId: "team-1",
    });
    await createSavedComparison(t.db, { name: "Bob's private", state: "fw=nato", ownerId: "u-bob" });

    expect(await getSavedComparison(t.db, own.id)).toEqual(own);
    expect(await getSavedComparison(t.db, "missing")).toBeNull();
    const names = async (viewer: { userId: string; teamIds: string[] }) =>
      (await listSavedComparisons(t.db, viewer)).map((c) => c.name).sort();
    expect(await names({ userId: "u-ada", teamIds: [] })).toEqual(["Pacific"]);
    expect(await names({ userId: "u-ada", teamIds: ["team-1"] })).toEqual(["Europe", "Pacific"]);
    expect(await names({ userId: "u-bob", teamIds: [] })).toEqual(["Bob's private", "Europe"]);

    expect(await deleteSavedComparison(t.db, shared.id)).toBe(true);
    expect(await deleteSavedComparison(t.db, shared.id)).toBe(false);
    expect(await names({ userId: "u-ada", teamIds: ["team-1"] })).toEqual(["Pacific"]);
  });

  it("refuses invalid input with per-field details and writes nothing", async () => {
    const before = await t.db.savedComparison.count();
    const error = await createSavedComparison(t.db, { name: "", state: "transpose=1", ownerId: "u-ada" }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(422);
    expect((error as AppError).details).toEqual([
      { field: "name", message: "must not be empty" },
      { field: "state", message: "must select at least one framework" },
    ]);
    expect(await t.db.savedComparison.count()).toBe(before);
  });
});
