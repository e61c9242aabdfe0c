import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { buildUser } from "@/lib/test/fixtures";
import { getMarkingProfile, listMarkingProfiles, listProfileRevisions } from "./queries";
import { saveMarkingProfile } from "./service";
import { shippedProfile } from "./shipped";

describe.each(PROVIDERS)("marking profiles stored on %s", (provider) => {
  let t: TestDatabase;
  let admin: { id: string; name: string };

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    const user = await t.db.user.create({ data: { ...buildUser({ name: "Ada Admin" }), isAdmin: true } });
    admin = { id: user.id, name: user.name };
  });
  afterAll(() => t?.drop());

  it("lists the shipped profiles until an administrator saves one", async () => {
    expect((await listMarkingProfiles(t.db)).map((p) => [p.key, p.origin, p.version])).toEqual([
      ["official", "shipped", null],
      ["us-cnsi", "shipped", null],
      ["uk-gscp", "shipped", null],
      ["nato", "shipped", null],
    ]);
  });

  it("versions an edit of a shipped profile and imports a new one, with a revision per save", async () => {
    const uk = shippedProfile("uk-gscp")!;
    expect(await saveMarkingProfile(t.db, { ...uk, name: "UK (local)" }, admin)).toEqual({
      key: "uk-gscp",
      version: 1,
    });
    expect(await saveMarkingProfile(t.db, { ...uk, name: "UK (local, v2)" }, admin)).toEqual({
      key: "uk-gscp",
      version: 2,
    });
    const custom = { ...uk, key: "agency-x", name: "Agency X" };
    expect(await saveMarkingProfile(t.db, custom, admin)).toEqual({ key: "agency-x", version: 1 });
    expect((await getMarkingProfile(t.db, "uk-gscp"))?.name).toBe("UK (local, v2)");
    const listed = await listMarkingProfiles(t.db);
    expect(listed.find((p) => p.key === "uk-gscp")).toMatchObject({
      origin: "edited",
      version: 2,
      name: "UK (local, v2)",
    });
    expect(listed.find((p) => p.key === "agency-x")).toMatchObject({ origin: "imported", version: 1 });
    const revisions = await listProfileRevisions(t.db, "uk-gscp");
    expect(revisions.map((r) => [r.version, r.action, r.userName])).toEqual([
      [2, "edit", "Ada Admin"],
      [1, "import", "Ada Admin"],
    ]);
  });

  it("ignores a stored definition that no longer validates, falling back to the shipped one", async () => {
    await t.db.markingProfile.create({ data: { key: "nato", name: "Broken", definition: "{not json" } });
    expect((await getMarkingProfile(t.db, "nato"))?.name).toBe("NATO");
  });
});
