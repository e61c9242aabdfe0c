// E-mail verification, through the real actions and better-auth on both databases: an address
// someone registered without owning it gets nothing shared with it or invited to it until it is
// verified, and neither sign-up nor sharing tells whether an address has an account.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp, type TestUser, useTestDb } from "@/lib/test/auth";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { request } from "@/lib/test/next-request";

const { createAuth } = await import("./auth");
const { can } = await import("./permissions");
const briefingActions = await import("@/lib/briefings/actions");
const teamActions = await import("@/lib/teams/actions");
const userActions = await import("@/lib/users/actions");

const ORIGIN = "http://localhost:3000";

describe.each(PROVIDERS)("e-mail verification on %s", (provider) => {
  let t: TestDatabase;
  let auth: ReturnType<typeof createAuth>;
  let admin: TestUser;
  let briefingId = "";
  const as = (user: TestUser) => {
    request.headers = user.headers;
  };
  const actor = (user: TestUser) => ({ id: user.id, isAdmin: false, catalogEditor: false });
  const mayRead = (user: TestUser) => can(t.db, actor(user), { action: "briefing:read", briefingId });

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    useTestDb(t.db);
    auth = createAuth(t.db);
    // The first account administers the instance; its address counts as verified.
    admin = await signUp(auth, "Admin", "admin@example.org", { verified: false });
    as(admin);
    const created = await briefingActions.createBriefing({ title: "Sensitive", template: "blank" });
    if (!created.ok) throw new Error(created.message);
    briefingId = created.data.id;
  });
  afterAll(() => t?.drop());

  it("counts the first account as verified, and no later one", async () => {
    const later = await signUp(auth, "Later", "later@example.org", { verified: false });
    const rows = await t.db.user.findMany({
      where: { id: { in: [admin.id, later.id] } },
      select: { id: true, emailVerified: true },
    });
    expect(Object.fromEntries(rows.map((r) => [r.id, r.emailVerified]))).toEqual({
      [admin.id]: true,
      [later.id]: false,
    });
  });

  it("gives an unverified account nothing shared with its address until an administrator verifies it", async () => {
    const claimer = await signUp(auth, "Claimer", "victim@example.org", { verified: false });
    as(admin);
    expect(await briefingActions.shareBriefing({ briefingId, email: "victim@example.org", role: "viewer" })).toEqual({
      ok: true,
      data: null,
    });
    expect(await mayRead(claimer)).toBe(false);
    // Only administrators vouch for addresses.
    as(claimer);
    expect(await userActions.verifyUserEmail({ userId: claimer.id })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await mayRead(claimer)).toBe(false);
    as(admin);
    expect(await userActions.verifyUserEmail({ userId: claimer.id })).toEqual({ ok: true, data: null });
    expect(await mayRead(claimer)).toBe(true);
    expect(await t.db.pendingShare.count({ where: { email: "victim@example.org" } })).toBe(0);
  });

  it("answers a share with an unknown address as with a known one; it takes effect once that address is verified", async () => {
    const known = await signUp(auth, "Known", "known@example.org");
    as(admin);
    const toKnown = await briefingActions.shareBriefing({ briefingId, email: "known@example.org", role: "commenter" });
    const toUnknown = await briefingActions.shareBriefing({
      briefingId,
      email: "Newcomer@Example.org",
      role: "commenter",
    });
    expect(toUnknown).toEqual(toKnown);
    expect(await mayRead(known)).toBe(true);
    // The newcomer signs up later and verifies the address (as the mailed link does, via better-auth).
    const newcomer = await signUp(auth, "Newcomer", "newcomer@example.org", { verified: false });
    expect(await mayRead(newcomer)).toBe(false);
    await (await auth.$context).internalAdapter.updateUser(newcomer.id, { emailVerified: true });
    expect(await mayRead(newcomer)).toBe(true);
  });

  it("lets only a verified address accept an invitation, and says how to get verified", async () => {
    as(admin);
    const team = await teamActions.createTeam({ name: "Desk" });
    if (!team.ok) throw new Error(team.message);
    const invitee = await signUp(auth, "Invitee", "invitee@example.org", { verified: false });
    const invited = await teamActions.inviteToTeam({
      teamId: team.data.id,
      email: "invitee@example.org",
      role: "member",
    });
    if (!invited.ok) throw new Error(invited.message);
    const invitationId = invited.data.url.split("/").pop() ?? "";
    as(invitee);
    const refused = await teamActions.acceptInvitation({ invitationId });
    expect(refused).toMatchObject({ ok: false, code: "forbidden" });
    expect(refused.ok === false && refused.message).toMatch(
      /^Verify your e-mail address first: ask your administrator/,
    );
    // better-auth's own endpoint, reachable without the app's action, refuses too.
    const direct = await auth.handler(
      new Request(`${ORIGIN}/api/auth/organization/accept-invitation`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: ORIGIN, cookie: invitee.headers.get("cookie") ?? "" },
        body: JSON.stringify({ invitationId }),
      }),
    );
    expect(direct.status).toBe(403);
    expect(await t.db.member.count({ where: { userId: invitee.id } })).toBe(0);
    as(admin);
    expect((await userActions.verifyUserEmail({ userId: invitee.id })).ok).toBe(true);
    as(invitee);
    expect(await teamActions.acceptInvitation({ invitationId })).toMatchObject({ ok: true });
  });

  it("answers sign-up alike whether or not the address has an account, and signs nobody in", async () => {
    const attempt = (email: string) =>
      auth.handler(
        new Request(`${ORIGIN}/api/auth/sign-up/email`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            origin: ORIGIN,
            "x-forwarded-for": `198.51.100.${email.length}`,
          },
          body: JSON.stringify({ name: "Someone", email, password: "a long enough password" }),
        }),
      );
    const shape = async (response: Response) => {
      const body = (await response.json()) as { token: unknown; user: Record<string, unknown> };
      return {
        status: response.status,
        cookies: response.headers.getSetCookie().length,
        token: body.token,
        keys: Object.keys(body.user).sort(),
        verified: body.user.emailVerified,
      };
    };
    const existing = await shape(await attempt("admin@example.org"));
    const fresh = await shape(await attempt("brand-new@example.org"));
    expect(existing).toEqual(fresh);
    expect(existing).toMatchObject({ status: 200, cookies: 0, token: null });
    expect(
      await t.db.user.findUniqueOrThrow({ where: { email: "admin@example.org" }, select: { name: true } }),
    ).toEqual({ name: "Admin" });
  });
});
