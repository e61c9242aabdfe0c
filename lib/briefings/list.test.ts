// The briefing list (tabs, title search, trash) and the create/rename/delete actions behind it,
// through the real server actions and sessions on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { signUp, type TestUser, useTestDb } from "@/lib/test/auth";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { request } from "@/lib/test/next-request";
import { blockTexts } from "@/lib/test/ydoc";

const { createAuth } = await import("@/lib/auth/auth");
const actions = await import("./actions");
const { listBriefings, searchKey } = await import("./queries");

const as = (user: TestUser) => {
  request.headers = user.headers;
};

describe("searchKey", () => {
  it("ignores case and accents", () => {
    expect(searchKey("Côte d'Ivoire ÉTUDE")).toBe("cote d'ivoire etude");
    expect(searchKey("STRASSE")).toBe(searchKey("strasse"));
  });
});

describe.each(PROVIDERS)("briefing list and actions on %s", (provider) => {
  let t: TestDatabase;
  const u: Record<string, TestUser> = {};
  const ids: Record<string, string> = {};
  let teamId = "";

  async function create(user: TestUser, title: string, extra: Record<string, unknown> = {}) {
    as(user);
    const result = await actions.createBriefing({ title, ...extra });
    if (!result.ok) throw new Error(result.message);
    return result.data.id;
  }

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    useTestDb(t.db);
    const auth = createAuth(t.db);
    for (const name of ["Ana", "Ben", "Cy"]) u[name] = await signUp(auth, name);
    const team = await t.db.organization.create({ data: { id: "team-1", name: "Desk", slug: "desk" } });
    teamId = team.id;
    await t.db.member.createMany({
      data: [
        { id: "m1", organizationId: teamId, userId: u.Ana!.id, role: "owner" },
        { id: "m2", organizationId: teamId, userId: u.Ben!.id, role: "member" },
      ],
    });
    ids.own = await create(u.Ana!, "Baltic Posture", { template: "policy-brief" });
    ids.team = await create(u.Ben!, "ÉTUDE: Sahel missions", { teamId });
    ids.shared = await create(u.Cy!, "Quad maritime memo", { template: "comparison-memo" });
    ids.stranger = await create(u.Cy!, "Private baltic notes");
    as(u.Cy!);
    const shared = await actions.shareBriefing({ briefingId: ids.shared, email: u.Ana!.email, role: "viewer" });
    expect(shared.ok).toBe(true);
  });
  afterAll(async () => {
    await t?.drop();
  });

  const titles = async (user: TestUser, options: Parameters<typeof listBriefings>[2] = {}) =>
    (await listBriefings(t.db, user.id, options)).items.map((i) => i.title).sort();

  it("writes the chosen template into the Yjs state once, and gives a team briefing an editor grant", async () => {
    const row = await t.db.briefing.findUniqueOrThrow({ where: { id: ids.own! }, include: { grants: true } });
    const doc = new Y.Doc();
    Y.applyUpdate(doc, new Uint8Array(row.yState!));
    expect(blockTexts(doc).filter((b) => ["Summary", "Recommendation"].includes(b))).toEqual([
      "Summary",
      "Recommendation",
    ]);
    expect(row.grants).toEqual([]);
    const team = await t.db.briefing.findUniqueOrThrow({ where: { id: ids.team! }, include: { grants: true } });
    expect(team.grants.map((g) => [g.teamId, g.role])).toEqual([[teamId, "editor"]]);
    const blank = await t.db.briefing.findUniqueOrThrow({ where: { id: ids.stranger! } });
    expect(blank.contentText).toBe("");
  });

  it("refuses unknown templates and empty titles with field errors", async () => {
    as(u.Ana!);
    const bad = await actions.createBriefing({ title: " ", template: "novel" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(["template", "title"]);
  });

  it("splits the list into mine, my teams' and shared with me, with counts", async () => {
    const list = await listBriefings(t.db, u.Ana!.id);
    expect(list.items.map((i) => i.title).sort()).toEqual([
      "Baltic Posture",
      "Quad maritime memo",
      "ÉTUDE: Sahel missions",
    ]);
    expect(list.counts).toEqual({ all: 3, mine: 1, team: 1, shared: 1, trash: 0 });
    expect(await titles(u.Ana!, { view: "mine" })).toEqual(["Baltic Posture"]);
    expect(await titles(u.Ana!, { view: "team" })).toEqual(["ÉTUDE: Sahel missions"]);
    expect(await titles(u.Ana!, { view: "shared" })).toEqual(["Quad maritime memo"]);
    const shared = list.items.find((i) => i.id === ids.shared)!;
    expect(shared).toMatchObject({ role: "viewer", ownerName: "Cy", canRename: false, canDelete: false });
    const team = list.items.find((i) => i.id === ids.team)!;
    expect(team).toMatchObject({ role: "editor", teamName: "Desk", canRename: true, canDelete: false });
    expect(await titles(u.Ben!, { view: "team" })).toEqual(["ÉTUDE: Sahel missions"]);
  });

  it("searches titles ignoring case and accents, the same on both databases", async () => {
    expect(await titles(u.Ana!, { q: "BALTIC" })).toEqual(["Baltic Posture"]);
    expect(await titles(u.Ana!, { q: "etude" })).toEqual(["ÉTUDE: Sahel missions"]);
    expect(await titles(u.Ana!, { q: "Étude sahel" })).toEqual([]);
    expect(await titles(u.Ana!, { q: "sahel" })).toEqual(["ÉTUDE: Sahel missions"]);
    // Cy's private briefing matches "baltic" but Ana may not see it.
    expect(await titles(u.Cy!, { q: "baltic" })).toEqual(["Private baltic notes"]);
    expect((await listBriefings(t.db, u.Ana!.id, { q: "memo" })).counts).toMatchObject({ all: 1, shared: 1 });
  });

  it("renames for editors only, soft-deletes to the owner's trash and restores", async () => {
    as(u.Ana!);
    expect((await actions.renameBriefing({ briefingId: ids.shared, title: "Mine now" })).ok).toBe(false);
    as(u.Ben!);
    expect((await actions.renameBriefing({ briefingId: ids.team, title: "Sahel missions" })).ok).toBe(true);
    expect((await actions.deleteBriefing({ briefingId: ids.team })).ok).toBe(true);
    expect(await titles(u.Ben!, { view: "trash" })).toEqual(["Sahel missions"]);
    expect(await titles(u.Ana!, { view: "team" })).toEqual([]);
    expect(await titles(u.Ana!, { view: "trash" })).toEqual([]);
    const trash = (await listBriefings(t.db, u.Ben!.id, { view: "trash" })).items[0]!;
    expect(trash).toMatchObject({ canRename: false, canDelete: true });
    expect(trash.deletedAt).not.toBeNull();
    expect((await actions.restoreBriefing({ briefingId: ids.team })).ok).toBe(true);
    expect(await titles(u.Ana!, { view: "team" })).toEqual(["Sahel missions"]);
  });
});
