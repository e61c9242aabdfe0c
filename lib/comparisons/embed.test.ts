// GET /api/comparisons and /api/comparisons/:id through the real route handlers, sessions and
// permission module, on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getComparison } from "@/app/api/comparisons/[id]/route";
import { GET as listComparisons } from "@/app/api/comparisons/route";
import { createAuth } from "@/lib/auth/auth";
import { importCatalog } from "@/lib/catalog/exchange";
import { signUp, type TestUser, useTestDb } from "@/lib/test/auth";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { buildCatalog, buildDimension, buildFramework, buildSource } from "@/lib/test/fixtures";
import type { ComparisonEmbed } from "./embed";
import { createSavedComparison } from "./queries";

const list = (user: TestUser | null) =>
  listComparisons(new Request("http://test/api/comparisons", { headers: user?.headers }));
const get = (user: TestUser | null, id: string) =>
  getComparison(new Request(`http://test/api/comparisons/${id}`, { headers: user?.headers }), {
    params: Promise.resolve({ id }),
  });

describe.each(PROVIDERS)("comparison embeds on %s", (provider) => {
  let t: TestDatabase;
  const u: Record<string, TestUser> = {};
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    useTestDb(t.db);
    const auth = createAuth(t.db);
    for (const name of ["Owner", "Teammate", "Outsider"]) u[name] = await signUp(auth, name);
    const rule = buildDimension({
      key: "decision_rule",
      label: "Decision rule",
      group: "Governance",
      valueType: "text",
    });
    const value = (v: string) => ({ dimension: "decision_rule", value: v, note: null, sources: [buildSource()] });
    await importCatalog(
      t.db,
      buildCatalog(
        [
          buildFramework({ slug: "alpha", name: "Alpha Pact", acronym: "AP", attributes: [value("consensus")] }),
          buildFramework({ slug: "beta", name: "Beta Forum", acronym: null, attributes: [value("majority")] }),
        ],
        [buildDimension(), rule],
      ),
    );
    const team = await t.db.organization.create({ data: { id: "team-1", name: "Desk", slug: "desk" } });
    await t.db.member.create({ data: { id: "m1", organizationId: team.id, userId: u.Teammate!.id, role: "member" } });
    const saved = async (name: string, state: string, teamId: string | null = null) =>
      (await createSavedComparison(t.db, { name, state, ownerId: u.Owner!.id, teamId })).id;
    ids.mine = await saved("Pacts", "fw=beta,alpha&diff=1");
    ids.team = await saved("Team view", "fw=alpha&transpose=1", team.id);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("lists the caller's own and team comparisons only", async () => {
    const names = async (user: TestUser) =>
      ((await (await list(user)).json()) as { comparisons: { name: string }[] }).comparisons.map((c) => c.name).sort();
    expect(await names(u.Owner!)).toEqual(["Pacts", "Team view"]);
    expect(await names(u.Teammate!)).toEqual(["Team view"]);
    expect(await names(u.Outsider!)).toEqual([]);
    expect((await list(null)).status).toBe(401);
  });

  it("returns the saved view through the matrix model, with a link to Compare", async () => {
    const response = await get(u.Owner!, ids.mine!);
    expect(response.status).toBe(200);
    const embed = (await response.json()) as ComparisonEmbed;
    expect(embed.name).toBe("Pacts");
    expect(embed.href).toBe("/compare?fw=beta,alpha&diff=1");
    expect(embed.corner).toBe("Dimension");
    expect(embed.columns).toEqual([
      { key: "beta", label: "Beta Forum" },
      { key: "alpha", label: "AP" },
    ]);
    const rule = embed.rows.find((r) => r.key === "decision_rule")!;
    expect(rule).toMatchObject({ label: "Decision rule", group: "Governance" });
    expect(rule.cells.map((c) => c.text)).toEqual(["majority", "consensus"]);
    expect(rule.cells.some((c) => c.differs)).toBe(true);
    expect(embed.highlightDifferences).toBe(true);
  });

  it("transposes when the saved view does, for team members too", async () => {
    const embed = (await (await get(u.Teammate!, ids.team!)).json()) as ComparisonEmbed;
    expect(embed.corner).toBe("Framework");
    expect(embed.rows.map((r) => r.label)).toEqual(["AP"]);
    expect(embed.columns.map((c) => c.key)).toContain("decision_rule");
  });

  it("answers 404 to those who may not read it, 401 when signed out, 400 for malformed ids", async () => {
    expect((await get(u.Outsider!, ids.mine!)).status).toBe(404);
    expect((await get(u.Teammate!, ids.mine!)).status).toBe(404);
    expect((await get(u.Owner!, "nope")).status).toBe(404);
    expect((await get(null, ids.mine!)).status).toBe(401);
    expect((await get(u.Owner!, "../etc")).status).toBe(400);
  });
});
