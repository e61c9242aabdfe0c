// Creating teams through the real server action on both databases: odd names get a valid slug or
// a readable 4xx, never an internal error.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp, useTestDb } from "@/lib/test/auth";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { request } from "@/lib/test/next-request";

const { createAuth } = await import("@/lib/auth/auth");
const { createTeam } = await import("./actions");

describe.each(PROVIDERS)("createTeam on %s", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
    useTestDb(t.db);
    request.headers = (await signUp(createAuth(t.db), "Founder")).headers;
  });
  afterAll(() => t?.drop());

  it.each([
    ["a separator at the 40th character", `${"a".repeat(39)} b`],
    ["separators around the cut", `${"a".repeat(38)} - / b`],
    ["only punctuation", "!!"],
    ["accents", "Équipe d’analyse"],
  ])("creates a team whose name has %s", async (_label, name) => {
    const result = await createTeam({ name });
    expect(result).toMatchObject({ ok: true });
    const team = await t.db.organization.findFirstOrThrow({ where: { name: name.trim() }, select: { slug: true } });
    expect(team.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it("refuses a name with a lone surrogate with a readable 4xx, and stores nothing", async () => {
    const before = await t.db.organization.count();
    const result = await createTeam({ name: "Desk \uD800" });
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/invalid character/) });
    expect(result.ok === false && result.code).not.toBe("internal");
    expect(await t.db.organization.count()).toBe(before);
  });
});
