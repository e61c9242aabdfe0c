// Who may open a briefing's collaboration websocket, and which actions announce access changes
// (so that open connections are checked again). Real sessions and permission checks on SQLite.
import type { IncomingMessage } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AccessChange, onAccessChange } from "@/lib/auth/access-events";
import { AppError } from "@/lib/errors";
import { insertShareLink, markShareLinkRevoked } from "@/lib/shares/queries";
import { signUp, type TestUser, useTestDb } from "@/lib/test/auth";
import { createTestDatabase, type TestDatabase } from "@/lib/test/databases";

import { request } from "@/lib/test/next-request";

const { createAuth } = await import("./auth");
const { authorizeCollab } = await import("./collab");
const briefingActions = await import("@/lib/briefings/actions");

/** An upgrade request as Node hands it to the server. */
function upgrade(user: TestUser | null, extra: Record<string, string> = {}): IncomingMessage {
  const cookie = user?.headers.get("cookie");
  return { headers: { host: "briefings.example.org", ...(cookie ? { cookie } : {}), ...extra } } as IncomingMessage;
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "allowed";
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

describe("collaboration upgrade authorization", () => {
  let t: TestDatabase;
  let owner: TestUser;
  let viewer: TestUser;
  let stranger: TestUser;
  let briefingId: string;

  beforeAll(async () => {
    t = await createTestDatabase("sqlite");
    useTestDb(t.db);
    const auth = createAuth(t.db);
    owner = await signUp(auth, "Owner");
    viewer = await signUp(auth, "Viewer");
    stranger = await signUp(auth, "Stranger");
    request.headers = owner.headers;
    const created = await briefingActions.createBriefing({ title: "Upgrade", template: "blank" });
    if (!created.ok) throw new Error(created.message);
    briefingId = created.data.id;
    const shared = await briefingActions.shareBriefing({ briefingId, email: viewer.email, role: "viewer" });
    if (!shared.ok) throw new Error(shared.message);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("lets the owner edit and the viewer read, with the session's expiry", async () => {
    const asOwner = await authorizeCollab(t.db, upgrade(owner), briefingId);
    expect(asOwner).toMatchObject({ userId: owner.id, readOnly: false });
    expect(asOwner?.expiresAt).toBeGreaterThan(Date.now());
    expect(await authorizeCollab(t.db, upgrade(viewer), briefingId)).toMatchObject({ readOnly: true });
  });

  it("refuses no session, no access, and cross-site origins", async () => {
    expect(await refusal(authorizeCollab(t.db, upgrade(null), briefingId))).toBe("unauthorized");
    expect(await refusal(authorizeCollab(t.db, upgrade(stranger), briefingId))).toBe("not_found");
    const foreign = upgrade(owner, { origin: "https://evil.example.net" });
    expect(await refusal(authorizeCollab(t.db, foreign, briefingId))).toBe("forbidden");
    const same = upgrade(owner, { origin: "http://briefings.example.org" });
    expect(await refusal(authorizeCollab(t.db, same, briefingId))).toBe("allowed");
  });

  it("compares the whole origin: another scheme, or a host named by X-Forwarded-Host without TRUST_PROXY, is another site", async () => {
    // The upgrade arrived over plain http: an https page is another origin (and vice versa).
    const otherScheme = upgrade(owner, { origin: "https://briefings.example.org" });
    expect(await refusal(authorizeCollab(t.db, otherScheme, briefingId))).toBe("forbidden");
    const forged = upgrade(owner, { origin: "http://evil.example.net", "x-forwarded-host": "evil.example.net" });
    expect(await refusal(authorizeCollab(t.db, forged, briefingId))).toBe("forbidden");
  });

  it("opens a share link's page read-only, and refuses it once revoked or for another briefing", async () => {
    const link = await insertShareLink(t.db, { briefingId, createdById: owner.id });
    const viaLink = (id: string) =>
      authorizeCollab(t.db, { ...upgrade(null), url: `/collab/${id}?share=${link.token}` } as IncomingMessage, id);
    expect(await viaLink(briefingId)).toMatchObject({ userId: `share-link:${link.id}`, readOnly: true });
    expect(await refusal(viaLink("some-other-briefing"))).toBe("not_found");
    await markShareLinkRevoked(t.db, briefingId, link.id);
    expect(await refusal(viaLink(briefingId))).toBe("gone");
  });

  it("lets connections hear comment notices when their actor may read comments: users, and links made with comments", async () => {
    expect(await authorizeCollab(t.db, upgrade(owner), briefingId)).toMatchObject({ readComments: true });
    expect(await authorizeCollab(t.db, upgrade(viewer), briefingId)).toMatchObject({ readComments: true });
    const via = async (withComments: boolean) => {
      const link = await insertShareLink(t.db, { briefingId, createdById: owner.id, withComments });
      const req = { ...upgrade(null), url: `/collab/${briefingId}?share=${link.token}` } as IncomingMessage;
      return authorizeCollab(t.db, req, briefingId);
    };
    expect(await via(false)).toMatchObject({ readOnly: true, readComments: false });
    expect(await via(true)).toMatchObject({ readOnly: true, readComments: true });
  });

  it("signing out announces an access change for that user, whose upgrades are then refused", async () => {
    const auth = createAuth(t.db);
    const leaver = await signUp(auth, "Leaver");
    const changes: AccessChange[] = [];
    const stop = onAccessChange((change) => changes.push(change));
    await auth.api.signOut({ headers: leaver.headers });
    stop();
    expect(changes).toEqual([{ userId: leaver.id }]);
    expect(await refusal(authorizeCollab(t.db, upgrade(leaver), briefingId))).toBe("unauthorized");
  });

  it("announces access changes when a grant is lowered or removed and when the briefing is deleted", async () => {
    const changes: AccessChange[] = [];
    const stop = onAccessChange((change) => changes.push(change));
    request.headers = owner.headers;
    expect((await briefingActions.shareBriefing({ briefingId, email: viewer.email, role: "commenter" })).ok).toBe(true);
    const grant = await t.db.briefingGrant.findFirstOrThrow({ where: { briefingId, userId: viewer.id } });
    expect((await briefingActions.revokeBriefingGrant({ briefingId, grantId: grant.id })).ok).toBe(true);
    expect(await refusal(authorizeCollab(t.db, upgrade(viewer), briefingId))).toBe("not_found");
    expect((await briefingActions.deleteBriefing({ briefingId })).ok).toBe(true);
    expect(await refusal(authorizeCollab(t.db, upgrade(owner), briefingId))).toBe("not_found");
    // A refused action announces nothing.
    request.headers = stranger.headers;
    expect((await briefingActions.revokeBriefingGrant({ briefingId, grantId: grant.id })).ok).toBe(false);
    stop();
    expect(changes).toEqual([{ briefingId }, { briefingId }, { briefingId }]);
  });
});
