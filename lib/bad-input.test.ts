// Every exported server action (lib/*/actions.ts) against malformed input: each must answer with a
// 4xx error result and a message a person can read, and write nothing. The caller is the instance
// administrator, who owns every object involved, so only the input is at fault. Only Next's
// request context (headers, revalidatePath) is provided by the test.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp, type TestUser, useTestDb } from "@/lib/test/auth";
import {
  type ActionSpec,
  expectClientError,
  expectNoPollution,
  genericBadInputs,
  OVERSIZED,
} from "@/lib/test/bad-input";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { buildCatalog, buildDimension, buildFramework, buildSource } from "@/lib/test/fixtures";
import { request } from "@/lib/test/next-request";
import { tableSnapshot } from "@/lib/test/snapshot";

const { createAuth } = await import("@/lib/auth/auth");
const { importCatalog } = await import("@/lib/catalog/exchange");
const briefings = await import("@/lib/briefings/actions");
const catalog = await import("@/lib/catalog/actions");
const comparisons = await import("@/lib/comparisons/actions");
const shares = await import("@/lib/shares/actions");
const teams = await import("@/lib/teams/actions");
const users = await import("@/lib/users/actions");
const tokens = await import("@/lib/tokens/actions");
const notifications = await import("@/lib/notifications/actions");
const mentions = await import("@/lib/mentions/actions");
const comments = await import("@/lib/comments/actions");
const { createApiToken } = await import("@/lib/tokens/store");
const { setBriefingClassification } = await import("@/lib/briefings/classification");

const as = (user: TestUser | null) => {
  request.headers = user ? user.headers : new Headers();
};
const UNKNOWN = "no-such-id-0123456789";

describe.each(PROVIDERS)("server actions refuse malformed input on %s", (provider) => {
  let t: TestDatabase;
  let admin: TestUser;
  let other: TestUser;
  const ids = {
    briefing: "",
    grant: "",
    link: "",
    comparison: "",
    team: "",
    invitation: "",
    member: "",
    token: "",
    comment: "",
  };

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    useTestDb(t.db);
    const auth = createAuth(t.db);
    admin = await signUp(auth, "Admin"); // the first account administers the instance
    other = await signUp(auth, "Other");
    await importCatalog(t.db, buildCatalog([buildFramework({ slug: "alpha" }), buildFramework({ slug: "beta" })]));
    const ok = <T>(result: { ok: true; data: T } | { ok: false; message: string }): T => {
      if (!result.ok) throw new Error(result.message);
      return result.data;
    };
    as(admin);
    ids.team = ok(await teams.createTeam({ name: "Desk" })).id;
    const invited = ok(await teams.inviteToTeam({ teamId: ids.team, email: other.email, role: "member" }));
    as(other);
    ok(await teams.acceptInvitation({ invitationId: invited.url.split("/").pop() }));
    as(admin);
    ids.invitation = ok(await teams.inviteToTeam({ teamId: ids.team, email: "later@example.org", role: "member" }))
      .url.split("/")
      .pop()!;
    ids.member = (await t.db.member.findFirstOrThrow({ where: { userId: other.id } })).id;
    ids.token = (await createApiToken(t.db, { userId: admin.id, name: "script", scope: "read" })).id;
    ids.briefing = ok(await briefings.createBriefing({ title: "Target", template: "blank" })).id;
    ok(await briefings.shareBriefing({ briefingId: ids.briefing, email: other.email, role: "viewer" }));
    ids.grant = (await t.db.briefingGrant.findFirstOrThrow({ where: { briefingId: ids.briefing } })).id;
    ids.link = ok(await shares.createShareLink({ briefingId: ids.briefing, expiresInDays: 7 })).id;
    ids.comment = ok(await comments.addComment({ briefingId: ids.briefing, body: "First", quote: "q" })).id;
    ids.comparison = ok(await comparisons.saveComparison({ name: "A vs B", state: "fw=alpha,beta" })).id;
  });
  afterAll(() => t?.drop());

  const briefingId = () => ({ briefingId: ids.briefing });
  const framework = () => {
    const { members: _m, attributes: _a, ...fields } = buildFramework({ slug: "gamma" });
    return fields;
  };
  const specs: Record<string, ActionSpec> = {
    createBriefing: {
      action: briefings.createBriefing,
      valid: () => ({ title: "New", template: "blank" }),
      required: ["title"],
      cases: (v) => [
        ["a blank title", { ...v, title: "   " }],
        ["a title that is a number", { ...v, title: 12 }],
        ["an unknown template", { ...v, template: "nope" }],
        ["a team id that is a number", { ...v, teamId: 7 }],
        ["an unknown team", { ...v, teamId: UNKNOWN }],
      ],
    },
    renameBriefing: {
      action: briefings.renameBriefing,
      valid: () => ({ ...briefingId(), title: "Renamed" }),
      required: ["briefingId", "title"],
      cases: (v) => [
        ["an unknown briefing", { ...v, briefingId: UNKNOWN }],
        ["an array as title", { ...v, title: ["a"] }],
      ],
    },
    deleteBriefing: {
      action: briefings.deleteBriefing,
      valid: briefingId,
      required: ["briefingId"],
      cases: () => [["an unknown briefing", { briefingId: UNKNOWN }]],
    },
    restoreBriefing: {
      action: briefings.restoreBriefing,
      valid: briefingId,
      required: ["briefingId"],
      cases: () => [["an unknown briefing", { briefingId: UNKNOWN }]],
    },
    shareBriefing: {
      action: briefings.shareBriefing,
      valid: () => ({ ...briefingId(), email: other.email, role: "editor" }),
      required: ["briefingId", "role"],
      cases: (v) => [
        ["neither person nor team", { ...v, email: undefined }],
        ["both person and team", { ...v, teamId: ids.team }],
        ["the owner role", { ...v, role: "owner" }],
        ["a malformed e-mail", { ...v, email: "not-an-address" }],
        ["an oversized e-mail", { ...v, email: `${OVERSIZED}@example.org` }],
        // An e-mail without an account is not bad input: the share waits for that address to be
        // verified, and the answer must not tell (lib/auth/verification.test.ts).
        ["an unknown team", { ...v, email: undefined, teamId: UNKNOWN }],
        ["an unknown briefing", { ...v, briefingId: UNKNOWN }],
      ],
    },
    revokeBriefingGrant: {
      action: briefings.revokeBriefingGrant,
      valid: () => ({ ...briefingId(), grantId: ids.grant }),
      required: ["briefingId", "grantId"],
      cases: (v) => [
        ["an unknown grant", { ...v, grantId: UNKNOWN }],
        ["a grant id that is a number", { ...v, grantId: 1 }],
      ],
    },
    setBriefingClassification: {
      action: setBriefingClassification,
      valid: () => ({ ...briefingId(), classification: "UNCLASSIFIED" }),
      required: ["briefingId", "classification"],
      cases: (v) => [
        ["a marking of 121 characters", { ...v, classification: "S".repeat(121) }],
        ["a marking that is a number", { ...v, classification: 3 }],
        ["an unknown briefing", { ...v, briefingId: UNKNOWN }],
      ],
    },
    createFramework: {
      action: catalog.createFramework,
      valid: framework,
      required: ["slug", "name", "kind", "region", "status", "summary"],
      cases: (v) => [
        ["a slug with spaces", { ...v, slug: "Not A Slug" }],
        ["a slug that exists", { ...v, slug: "alpha" }],
        ["an impossible date", { ...v, founded: "2021-02-30" }],
        ["an unknown kind", { ...v, kind: "empire" }],
        ["a number as name", { ...v, name: 5 }],
      ],
    },
    updateFramework: {
      action: catalog.updateFramework,
      valid: () => ({ ...framework(), slug: "alpha", name: "Alpha renamed" }),
      required: ["slug", "name", "kind", "region", "status", "summary"],
      cases: (v) => [
        ["an unknown framework", { ...v, slug: "no-such-framework" }],
        ["a date as a number", { ...v, founded: 2021 }],
      ],
    },
    setMembers: {
      action: catalog.setMembers,
      valid: () => ({ slug: "alpha", members: [{ country: "ITA", role: "member", joined: null, left: null }] }),
      required: ["slug", "members"],
      cases: (v) => [
        ["an unknown country", { ...v, members: [{ country: "XXX", role: "member" }] }],
        [
          "left before joined",
          { ...v, members: [{ country: "ITA", role: "member", joined: "2020-01-01", left: "2019-01-01" }] },
        ],
        ["401 members", { ...v, members: Array.from({ length: 401 }, () => ({ country: "ITA", role: "member" })) }],
        ["a member that is a string", { ...v, members: ["ITA"] }],
        ["an unknown framework", { ...v, slug: "no-such-framework" }],
      ],
    },
    setAttributeValue: {
      action: catalog.setAttributeValue,
      valid: () => ({
        slug: "alpha",
        dimension: "collective_defence_clause",
        value: false,
        note: null,
        sources: [buildSource()],
      }),
      required: ["slug", "dimension", "value", "sources"],
      cases: (v) => [
        ["text for a yes/no dimension", { ...v, value: "yes" }],
        ["no sources", { ...v, sources: [] }],
        ["21 sources", { ...v, sources: Array.from({ length: 21 }, () => buildSource()) }],
        ["a javascript: source", { ...v, sources: [buildSource({ url: "javascript:alert(1)" })] }],
        ["an unknown dimension", { ...v, dimension: "no_such_dimension" }],
        ["an unknown framework", { ...v, slug: "no-such-framework" }],
        ["an oversized note", { ...v, note: OVERSIZED }],
      ],
    },
    deleteAttributeValue: {
      action: catalog.deleteAttributeValue,
      valid: () => ({ slug: "alpha", dimension: "collective_defence_clause" }),
      required: ["slug", "dimension"],
      cases: (v) => [["an unknown dimension", { ...v, dimension: "no_such_dimension" }]],
    },
    createDimension: {
      action: catalog.createDimension,
      valid: () => buildDimension({ key: "new_dimension" }),
      required: ["key", "label", "group", "valueType"],
      cases: (v) => [
        ["an enum without options", { ...v, valueType: "enum", options: [] }],
        ["a key that exists", { ...v, key: "collective_defence_clause" }],
        ["a key with capitals", { ...v, key: "Bad-Key" }],
        ["an unknown value type", { ...v, valueType: "colour" }],
      ],
    },
    saveComparison: {
      action: comparisons.saveComparison,
      valid: () => ({ name: "Saved", state: "fw=alpha,beta" }),
      required: ["name", "state"],
      cases: (v) => [
        ["an empty state", { ...v, state: "" }],
        ["a state selecting nothing", { ...v, state: "transpose=1" }],
        ["an unknown state key", { ...v, state: "fw=alpha&bogus=1" }],
        ["an unknown team", { ...v, teamId: UNKNOWN }],
      ],
    },
    deleteComparison: {
      action: comparisons.deleteComparison,
      valid: () => ({ comparisonId: ids.comparison }),
      required: ["comparisonId"],
      cases: () => [["an unknown comparison", { comparisonId: UNKNOWN }]],
    },
    createShareLink: {
      action: shares.createShareLink,
      valid: () => ({ ...briefingId(), expiresInDays: 30 }),
      required: ["briefingId"],
      cases: (v) => [
        ["zero days", { ...v, expiresInDays: 0 }],
        ["366 days", { ...v, expiresInDays: 366 }],
        ["a fraction of a day", { ...v, expiresInDays: 1.5 }],
        ["days as words", { ...v, expiresInDays: "a week" }],
        ["days as a boolean", { ...v, expiresInDays: true }],
        ["days as a list", { ...v, expiresInDays: [30] }],
        ["an unknown briefing", { ...v, briefingId: UNKNOWN }],
      ],
    },
    revokeShareLink: {
      action: shares.revokeShareLink,
      valid: () => ({ ...briefingId(), linkId: ids.link }),
      required: ["briefingId", "linkId"],
      cases: (v) => [["an unknown link", { ...v, linkId: UNKNOWN }]],
    },
    addComment: {
      action: comments.addComment,
      valid: () => ({ ...briefingId(), body: "A remark", quote: "text" }),
      required: ["briefingId", "body"],
      cases: (v) => [
        ["an empty body", { ...v, body: "   " }],
        ["a body over 10,000 characters", { ...v, body: "x".repeat(10_001) }],
        ["an anchor that is not base64", { ...v, anchor: { from: "<b>", to: "AA==" } }],
        ["an anchor missing an end", { ...v, anchor: { from: "AA==" } }],
        ["an unknown parent", { ...v, parentId: UNKNOWN }],
        ["an unknown briefing", { ...v, briefingId: UNKNOWN }],
      ],
    },
    updateCommentText: {
      action: comments.updateCommentText,
      valid: () => ({ ...briefingId(), commentId: ids.comment, body: "Changed" }),
      required: ["briefingId", "commentId", "body"],
      cases: (v) => [
        ["an unknown comment", { ...v, commentId: UNKNOWN }],
        ["a body as a number", { ...v, body: 5 }],
      ],
    },
    resolveThread: {
      action: comments.resolveThread,
      valid: () => ({ ...briefingId(), commentId: ids.comment, resolved: true }),
      required: ["briefingId", "commentId", "resolved"],
      cases: (v) => [
        ["an unknown comment", { ...v, commentId: UNKNOWN }],
        ["resolved as text", { ...v, resolved: "yes" }],
      ],
    },
    removeComment: {
      action: comments.removeComment,
      valid: () => ({ ...briefingId(), commentId: ids.comment }),
      required: ["briefingId", "commentId"],
      cases: (v) => [["an unknown comment", { ...v, commentId: UNKNOWN }]],
    },
    createTeam: {
      action: teams.createTeam,
      valid: () => ({ name: "Second desk" }),
      required: ["name"],
      cases: () => [
        ["a one-letter name", { name: "a" }],
        ["a number as name", { name: 12345 }],
      ],
    },
    inviteToTeam: {
      action: teams.inviteToTeam,
      valid: () => ({ teamId: ids.team, email: "new@example.org", role: "member" }),
      required: ["teamId", "email", "role"],
      cases: (v) => [
        ["the owner role", { ...v, role: "owner" }],
        ["a malformed e-mail", { ...v, email: "new@" }],
        ["an unknown team", { ...v, teamId: UNKNOWN }],
      ],
    },
    cancelInvitation: {
      action: teams.cancelInvitation,
      valid: () => ({ invitationId: ids.invitation }),
      required: ["invitationId"],
      cases: () => [["an unknown invitation", { invitationId: UNKNOWN }]],
    },
    acceptInvitation: {
      action: teams.acceptInvitation,
      // Not the admin's own invitation (accepting it is refused as such); shape is what matters.
      valid: () => ({ invitationId: ids.invitation }),
      required: ["invitationId"],
      cases: () => [["an unknown invitation", { invitationId: UNKNOWN }]],
    },
    removeTeamMember: {
      action: teams.removeTeamMember,
      valid: () => ({ teamId: ids.team, memberId: ids.member }),
      required: ["teamId", "memberId"],
      cases: (v) => [
        ["an unknown member", { ...v, memberId: UNKNOWN }],
        ["an unknown team", { ...v, teamId: UNKNOWN }],
      ],
    },
    changeTeamMemberRole: {
      action: teams.changeTeamMemberRole,
      valid: () => ({ teamId: ids.team, memberId: ids.member, role: "admin" }),
      required: ["teamId", "memberId", "role"],
      cases: (v) => [
        ["an unknown role", { ...v, role: "superuser" }],
        ["an unknown member", { ...v, memberId: UNKNOWN }],
      ],
    },
    setCatalogEditor: {
      action: users.setCatalogEditor,
      valid: () => ({ userId: other.id, catalogEditor: true }),
      required: ["userId", "catalogEditor"],
      cases: (v) => [
        ["a flag as text", { ...v, catalogEditor: "true" }],
        ["a flag as a number", { ...v, catalogEditor: 1 }],
        ["an unknown user", { ...v, userId: UNKNOWN }],
      ],
    },
    createToken: {
      action: tokens.createToken,
      valid: () => ({ name: "CI", scope: "read" }),
      required: ["name", "scope"],
      cases: (v) => [
        ["a name over 80 characters", { ...v, name: "x".repeat(81) }],
        ["a blank name", { ...v, name: "   " }],
        ["an unknown scope", { ...v, scope: "admin" }],
      ],
    },
    revokeToken: {
      action: tokens.revokeToken,
      valid: () => ({ tokenId: ids.token }),
      required: ["tokenId"],
      cases: () => [["an unknown token", { tokenId: UNKNOWN }]],
    },
    markRead: {
      action: notifications.markRead,
      valid: () => ({ ids: ["n1"] }),
      required: ["ids"],
      cases: () => [
        ["no ids", { ids: [] }],
        ["all: false", { all: false }],
        ["ids and all", { ids: ["n1"], all: true }],
        ["too many ids", { ids: Array.from({ length: 101 }, (_, i) => `n${i}`) }],
      ],
    },
    setEmailPreference: {
      action: notifications.setEmailPreference,
      valid: () => ({ email: "all" }),
      required: ["email"],
      cases: () => [["an unknown preference", { email: "weekly" }]],
    },
    shareWithMentioned: {
      action: mentions.shareWithMentioned,
      valid: () => ({ ...briefingId(), userId: other.id }),
      required: ["briefingId", "userId"],
      cases: (v) => [
        ["an unknown user", { ...v, userId: UNKNOWN }],
        ["an unknown briefing", { ...v, briefingId: UNKNOWN }],
      ],
    },
  };

  it.each(Object.keys(specs))("%s answers 4xx, says why and writes nothing", async (name) => {
    const spec = specs[name]!;
    const before = await tableSnapshot(t.db);
    as(null);
    expectClientError(await spec.action(spec.valid()), `${name} signed out`);
    as(admin);
    for (const [label, input] of genericBadInputs(spec)) {
      expectClientError(await spec.action(input), `${name} with ${label}`);
      expectNoPollution(`${name} with ${label}`);
    }
    expect(await tableSnapshot(t.db), `${name} wrote on bad input`).toEqual(before);
  });
});
