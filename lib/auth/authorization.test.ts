// The authorization matrix: every role x every action, through the real server actions and route
// handlers, on SQLite and PostgreSQL. Only Next's request context (headers, revalidatePath) is
// provided by the test; sessions, permission checks and writes are the real ones.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp, type TestUser, useTestDb } from "@/lib/test/auth";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { buildCatalog, buildSource } from "@/lib/test/fixtures";

import { request } from "@/lib/test/next-request";

const { createAuth } = await import("./auth");
const briefingActions = await import("@/lib/briefings/actions");
const catalogActions = await import("@/lib/catalog/actions");
const teamActions = await import("@/lib/teams/actions");
const { GET: getBriefingRoute } = await import("@/app/api/briefings/[id]/route");
const { importCatalog } = await import("@/lib/catalog/exchange");

const as = (user: TestUser | null) => {
  request.headers = user ? user.headers : new Headers();
};

type Outcome = "allowed" | "denied";

describe.each(PROVIDERS)("authorization matrix on %s", (provider) => {
  let t: TestDatabase;
  const users: Record<string, TestUser> = {};
  let teamId = "";

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    useTestDb(t.db);
    const auth = createAuth(t.db);
    // The first account becomes the instance administrator.
    for (const name of [
      "Admin",
      "Owner",
      "Editor",
      "Commenter",
      "Viewer",
      "Teammate",
      "TeamAdmin",
      "Stranger",
      "CatalogEditor",
    ]) {
      users[name] = await signUp(auth, name);
    }
    await t.db.user.update({ where: { id: users.CatalogEditor!.id }, data: { catalogEditor: true } });
    await importCatalog(t.db, buildCatalog());

    as(users.Owner!);
    const team = await teamActions.createTeam({ name: "Analysis Unit" });
    if (!team.ok) throw new Error(team.message);
    teamId = team.data.id;
    for (const [name, role] of [
      ["Teammate", "member"],
      ["TeamAdmin", "admin"],
    ] as const) {
      as(users.Owner!);
      const invite = await teamActions.inviteToTeam({ teamId, email: users[name]!.email, role });
      if (!invite.ok) throw new Error(invite.message);
      as(users[name]!);
      const accepted = await teamActions.acceptInvitation({ invitationId: invite.data.url.split("/").pop() });
      if (!accepted.ok) throw new Error(accepted.message);
    }
  });
  afterAll(async () => {
    await t.drop();
  });

  /** A fresh briefing owned by Owner with a grant per role, and a team grant (editor) to the team. */
  async function freshBriefing(): Promise<string> {
    const b = await t.db.briefing.create({
      data: {
        title: "Original",
        ownerId: users.Owner!.id,
        grants: {
          create: [
            { userId: users.Editor!.id, role: "editor" },
            { userId: users.Commenter!.id, role: "commenter" },
            { userId: users.Viewer!.id, role: "viewer" },
            { teamId, role: "editor" },
          ],
        },
      },
    });
    return b.id;
  }

  const briefingActionsUnderTest = {
    read: async (id: string) => {
      const response = await getBriefingRoute(
        new Request(`http://test/api/briefings/${id}`, { headers: request.headers }),
        {
          params: Promise.resolve({ id }),
        },
      );
      return { ok: response.status === 200, changed: async () => false };
    },
    edit: async (id: string) => ({
      ok: (await briefingActions.renameBriefing({ briefingId: id, title: "Renamed" })).ok,
      changed: async () => (await t.db.briefing.findUniqueOrThrow({ where: { id } })).title !== "Original",
    }),
    share: async (id: string) => ({
      ok: (await briefingActions.shareBriefing({ briefingId: id, email: users.Stranger!.email, role: "viewer" })).ok,
      changed: async () =>
        (await t.db.briefingGrant.count({ where: { briefingId: id, userId: users.Stranger!.id } })) > 0,
    }),
    delete: async (id: string) => ({
      ok: (await briefingActions.deleteBriefing({ briefingId: id })).ok,
      changed: async () => (await t.db.briefing.findUniqueOrThrow({ where: { id } })).deletedAt !== null,
    }),
  };

  const briefingMatrix: Record<string, Record<keyof typeof briefingActionsUnderTest, Outcome>> = {
    Owner: { read: "allowed", edit: "allowed", share: "allowed", delete: "allowed" },
    Editor: { read: "allowed", edit: "allowed", share: "allowed", delete: "denied" },
    Commenter: { read: "allowed", edit: "denied", share: "denied", delete: "denied" },
    Viewer: { read: "allowed", edit: "denied", share: "denied", delete: "denied" },
    Teammate: { read: "allowed", edit: "allowed", share: "allowed", delete: "denied" },
    Stranger: { read: "denied", edit: "denied", share: "denied", delete: "denied" },
    Admin: { read: "denied", edit: "denied", share: "denied", delete: "denied" },
    Anonymous: { read: "denied", edit: "denied", share: "denied", delete: "denied" },
  };

  for (const [role, row] of Object.entries(briefingMatrix)) {
    for (const [action, expected] of Object.entries(row) as [keyof typeof briefingActionsUnderTest, Outcome][]) {
      it(`${role} ${expected === "allowed" ? "may" : "may not"} ${action} a briefing`, async () => {
        const id = await freshBriefing();
        as(role === "Anonymous" ? null : users[role]!);
        const result = await briefingActionsUnderTest[action](id);
        expect(result.ok).toBe(expected === "allowed");
        if (action !== "read") expect(await result.changed()).toBe(expected === "allowed");
      });
    }
  }

  const catalogMatrix: Record<string, Outcome> = {
    Admin: "allowed",
    CatalogEditor: "allowed",
    Owner: "denied",
    Anonymous: "denied",
  };
  for (const [role, expected] of Object.entries(catalogMatrix)) {
    it(`${role} ${expected === "allowed" ? "may" : "may not"} edit the catalog`, async () => {
      as(role === "Anonymous" ? null : users[role]!);
      const note = `set by ${role}`;
      const result = await catalogActions.setAttributeValue({
        slug: "test-alliance",
        dimension: "collective_defence_clause",
        value: false,
        note,
        sources: [buildSource()],
      });
      expect(result.ok).toBe(expected === "allowed");
      const stored = await t.db.attributeValue.findFirst({ where: { framework: { slug: "test-alliance" } } });
      expect(stored?.note === note).toBe(expected === "allowed");
    });
  }

  const teamMatrix: Record<string, Outcome> = {
    Owner: "allowed",
    TeamAdmin: "allowed",
    Teammate: "denied",
    Stranger: "denied",
    Anonymous: "denied",
  };
  for (const [role, expected] of Object.entries(teamMatrix)) {
    it(`${role} ${expected === "allowed" ? "may" : "may not"} manage the team`, async () => {
      as(role === "Anonymous" ? null : users[role]!);
      const email = `invitee-of-${role.toLowerCase()}@example.org`;
      const result = await teamActions.inviteToTeam({ teamId, email, role: "member" });
      expect(result.ok).toBe(expected === "allowed");
      expect(await t.db.invitation.count({ where: { email } })).toBe(expected === "allowed" ? 1 : 0);
    });
  }

  it("refuses a value without a source with a clear message, and writes nothing", async () => {
    as(users.CatalogEditor!);
    const before = await t.db.attributeValue.findFirst({ where: { framework: { slug: "test-alliance" } } });
    const result = await catalogActions.setAttributeValue({
      slug: "test-alliance",
      dimension: "collective_defence_clause",
      value: true,
      note: "no source",
      sources: [],
    });
    expect(result).toMatchObject({
      ok: false,
      code: "unprocessable",
      message: expect.stringMatching(/at least one source/),
    });
    expect(await t.db.attributeValue.findFirst({ where: { framework: { slug: "test-alliance" } } })).toEqual(before);
  });

  it("records catalog changes with who, what, before and after", async () => {
    const history = await t.db.catalogChange.findMany({
      where: { frameworkSlug: "test-alliance" },
      orderBy: { createdAt: "asc" },
    });
    expect(history.length).toBeGreaterThan(0);
    const last = history.at(-1)!;
    expect(last).toMatchObject({ entity: "attribute", entityKey: "collective_defence_clause", action: "update" });
    expect(JSON.parse(last.after!)).toMatchObject({ value: "false" });
    expect([users.Admin!.id, users.CatalogEditor!.id]).toContain(last.userId);
  });
});
