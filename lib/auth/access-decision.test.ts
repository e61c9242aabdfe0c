// The one access decision, through every path that reads a briefing: the briefing page, the export
// route, the share content route and the collaboration upgrade, for user roles, share links (valid,
// revoked, expired, of another briefing) and anonymous requests; and the embed rule for saved
// comparisons, which the editor, the share page and all four export formats must answer alike.
// Real sessions, route handlers and permission checks on SQLite and PostgreSQL.
import type { IncomingMessage } from "node:http";
import mammoth from "mammoth";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp, type TestUser, useTestDb } from "@/lib/test/auth";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { exportCatalog, heading, paragraph, writeBriefingContent } from "@/lib/test/export-fixture";

import "@/lib/test/next-request";

const { createAuth } = await import("./auth");
const { authorizeCollab } = await import("./collab");
const { resolveBriefingPageAccess } = await import("./briefing-access");
const { AppError } = await import("@/lib/errors");
const { createBriefing } = await import("@/lib/briefings/create");
const { importCatalog } = await import("@/lib/catalog/exchange");
const { createSavedComparison } = await import("@/lib/comparisons/queries");
const { COMPARISON_UNAVAILABLE } = await import("@/lib/comparisons/unavailable");
const { insertShareLink, markShareLinkRevoked } = await import("@/lib/shares/queries");
const { GET: exportRoute } = await import("@/app/api/briefings/[id]/export/route");
const { GET: shareContentRoute } = await import("@/app/api/share/[token]/content/route");
const { GET: comparisonRoute } = await import("@/app/api/comparisons/[id]/route");

type Who = { user?: TestUser; token?: string };

const exportStatus = async (id: string, who: Who, format = "md") => {
  const share = who.token ? `&share=${who.token}` : "";
  const response = await exportRoute(
    new Request(`http://localhost/api/briefings/${id}/export?format=${format}${share}`, { headers: who.user?.headers }),
    { params: Promise.resolve({ id }) },
  );
  return response;
};
const shareContent = (token: string) =>
  shareContentRoute(new Request(`http://localhost/api/share/${token}/content`), {
    params: Promise.resolve({ token }),
  });

/** An upgrade request as Node hands it to the collaboration server. */
function upgrade(briefingId: string, who: Who): IncomingMessage {
  const cookie = who.user?.headers.get("cookie");
  return {
    url: `/collab/${briefingId}${who.token ? `?share=${who.token}` : ""}`,
    headers: { host: "briefings.example.org", ...(cookie ? { cookie } : {}) },
  } as IncomingMessage;
}

/** "rw", "ro" or the HTTP status the upgrade is refused with. */
async function collabOutcome(db: TestDatabase["db"], briefingId: string, who: Who): Promise<string | number> {
  try {
    const grant = await authorizeCollab(db, upgrade(briefingId, who), briefingId);
    if (!grant) return "refused";
    return grant.readOnly ? "ro" : "rw";
  } catch (error) {
    if (error instanceof AppError) return error.status;
    throw error;
  }
}

async function textOf(format: string, body: ArrayBuffer): Promise<string> {
  const bytes = Buffer.from(body);
  if (format === "docx") return (await mammoth.extractRawText({ buffer: bytes })).value;
  if (format === "pdf") {
    const parser = new PDFParse({ data: new Uint8Array(bytes) });
    try {
      return (await parser.getText()).text.replace(/\s+/g, " ");
    } finally {
      await parser.destroy();
    }
  }
  const text = bytes.toString("utf8");
  // HTML escapes apostrophes; compare the text a reader sees.
  return format === "html" ? text.replace(/&#39;|&#x27;|&apos;/g, "'") : text;
}

const comparisonDoc = (comparisonId: string) => ({
  type: "doc",
  content: [
    heading(1, "Findings"),
    paragraph({ type: "text", text: "See the table." }),
    { type: "comparison", attrs: { comparisonId, title: "Harmless looking title" } },
  ],
});

describe.each(PROVIDERS)("one access decision on %s", (provider) => {
  let t: TestDatabase;
  const u: Record<string, TestUser> = {};
  let briefingId = "";
  let otherBriefingId = "";
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    useTestDb(t.db);
    const auth = createAuth(t.db);
    for (const name of ["Owner", "Editor", "Commenter", "Viewer", "Stranger", "Mallory"]) {
      u[name] = await signUp(auth, name);
    }
    await importCatalog(t.db, exportCatalog());
    ({ id: briefingId } = await createBriefing(t.db, { title: "Decision", ownerId: u.Owner!.id, template: "blank" }));
    ({ id: otherBriefingId } = await createBriefing(t.db, { title: "Other", ownerId: u.Owner!.id, template: "blank" }));
    await t.db.briefingGrant.createMany({
      data: [
        { briefingId, userId: u.Editor!.id, role: "editor" },
        { briefingId, userId: u.Commenter!.id, role: "commenter" },
        { briefingId, userId: u.Viewer!.id, role: "viewer" },
      ],
    });
    const link = (id: string, expiresInDays?: number, now?: Date) =>
      insertShareLink(t.db, { briefingId: id, createdById: u.Owner!.id, expiresInDays, now });
    tokens.valid = (await link(briefingId)).token;
    const revoked = await link(briefingId);
    await markShareLinkRevoked(t.db, briefingId, revoked.id);
    tokens.revoked = revoked.token;
    tokens.expired = (await link(briefingId, 1, new Date(Date.now() - 2 * 24 * 3600 * 1000))).token;
    tokens.otherBriefing = (await link(otherBriefingId)).token;
  });
  afterAll(() => t?.drop());

  // page: what the briefing page shows (signed-in users only; anonymous is sent to sign in first).
  // export: the export route's status. collab: the upgrade's outcome.
  const table: [string, () => Who, { page?: string; export: number; collab: string | number }][] = [
    ["the owner", () => ({ user: u.Owner }), { page: "owner", export: 200, collab: "rw" }],
    ["an editor", () => ({ user: u.Editor }), { page: "editor", export: 200, collab: "rw" }],
    ["a commenter", () => ({ user: u.Commenter }), { page: "commenter", export: 200, collab: "ro" }],
    ["a viewer", () => ({ user: u.Viewer }), { page: "viewer", export: 200, collab: "ro" }],
    ["a user without a grant", () => ({ user: u.Stranger }), { page: "no-access", export: 404, collab: 404 }],
    ["an anonymous request", () => ({}), { export: 401, collab: 401 }],
    ["a valid share link", () => ({ token: tokens.valid }), { export: 200, collab: "ro" }],
    ["a revoked share link", () => ({ token: tokens.revoked }), { export: 410, collab: 410 }],
    ["an expired share link", () => ({ token: tokens.expired }), { export: 410, collab: 410 }],
    ["a share link of another briefing", () => ({ token: tokens.otherBriefing }), { export: 404, collab: 404 }],
    // A link is an actor of its own: a stranger's session does not add to it, nor it to the session.
    [
      "a stranger holding a valid link",
      () => ({ user: u.Stranger, token: tokens.valid }),
      { export: 200, collab: "ro" },
    ],
  ];

  it.each(table)("%s gets the same answer on the page, the export route and the websocket", async (_, who, want) => {
    const actor = who();
    if (want.page !== undefined) {
      const access = await resolveBriefingPageAccess(
        t.db,
        { ...actor.user!, isAdmin: false, catalogEditor: false },
        briefingId,
      );
      expect(access.kind === "granted" ? access.role : access.kind).toBe(want.page);
    }
    expect((await exportStatus(briefingId, actor)).status).toBe(want.export);
    expect(await collabOutcome(t.db, briefingId, actor)).toBe(want.collab);
  });

  it("serves share content for valid links only: 404 unknown, 410 revoked or expired", async () => {
    expect((await shareContent(tokens.valid!)).status).toBe(200);
    expect((await shareContent(tokens.revoked!)).status).toBe(410);
    expect((await shareContent(tokens.expired!)).status).toBe(410);
    expect((await shareContent("x".repeat(43))).status).toBe(404);
    const other = await shareContent(tokens.otherBriefing!);
    expect((await other.json()).document.title).toBe("Other");
  });

  it("shows a deleted briefing as not found to everyone but its owner, and an unknown id as not found", async () => {
    const { id } = await createBriefing(t.db, { title: "Binned", ownerId: u.Owner!.id, template: "blank" });
    await t.db.briefingGrant.create({ data: { briefingId: id, userId: u.Viewer!.id, role: "viewer" } });
    await t.db.briefing.update({ where: { id }, data: { deletedAt: new Date() } });
    const asUser = (user: TestUser) => ({ ...user, isAdmin: false, catalogEditor: false });
    expect((await resolveBriefingPageAccess(t.db, asUser(u.Owner!), id)).kind).toBe("granted");
    expect((await resolveBriefingPageAccess(t.db, asUser(u.Viewer!), id)).kind).toBe("not-found");
    expect((await resolveBriefingPageAccess(t.db, asUser(u.Stranger!), id)).kind).toBe("not-found");
    expect((await resolveBriefingPageAccess(t.db, asUser(u.Stranger!), "no-such-briefing")).kind).toBe("not-found");
  });

  describe("embedded saved comparisons", () => {
    let secretId = "";
    let malloryBriefing = "";
    let malloryToken = "";
    let ownersBriefing = "";
    let ownersToken = "";

    beforeAll(async () => {
      // The owner's private comparison, never shared with anyone.
      ({ id: secretId } = await createSavedComparison(t.db, {
        name: "Owner's secret comparison",
        state: "fw=test-alliance,other-pact",
        ownerId: u.Owner!.id,
      }));
      // Mallory writes its id into her own briefing's Yjs document, as a crafted client would.
      ({ id: malloryBriefing } = await createBriefing(t.db, {
        title: "Bait",
        ownerId: u.Mallory!.id,
        template: "blank",
      }));
      await writeBriefingContent(t.db, malloryBriefing, comparisonDoc(secretId));
      ({ token: malloryToken } = await insertShareLink(t.db, {
        briefingId: malloryBriefing,
        createdById: u.Mallory!.id,
      }));
      // The owner embeds it in a briefing a viewer can read.
      ({ id: ownersBriefing } = await createBriefing(t.db, {
        title: "Shared",
        ownerId: u.Owner!.id,
        template: "blank",
      }));
      await t.db.briefingGrant.create({ data: { briefingId: ownersBriefing, userId: u.Viewer!.id, role: "viewer" } });
      await writeBriefingContent(t.db, ownersBriefing, comparisonDoc(secretId));
      ({ token: ownersToken } = await insertShareLink(t.db, { briefingId: ownersBriefing, createdById: u.Owner!.id }));
    });

    const editorEmbed = (who: Who, briefing: string) =>
      comparisonRoute(
        new Request(`http://localhost/api/comparisons/${secretId}?briefing=${briefing}`, {
          headers: who.user?.headers,
        }),
        { params: Promise.resolve({ id: secretId }) },
      );

    it.each(["md", "html", "docx", "pdf"])(
      "never reveals another user's private comparison embedded by id in %s exports (session or share link)",
      async (format) => {
        for (const who of [{ user: u.Mallory }, { token: malloryToken }]) {
          const response = await exportStatus(malloryBriefing, who, format);
          expect(response.status).toBe(200);
          const text = await textOf(format, await response.arrayBuffer());
          expect(text).toContain("See the table.");
          expect(text).not.toContain("Owner's secret comparison");
          expect(text.toLowerCase()).not.toContain("consensus");
          expect(text.replace(/\s+/g, " ")).toContain(COMPARISON_UNAVAILABLE);
        }
      },
    );

    it("never reveals it on the share page or in the editor either", async () => {
      const body = JSON.stringify(await (await shareContent(malloryToken)).json());
      expect(body).toContain("See the table.");
      expect(body).not.toContain("Owner's secret comparison");
      expect(body.toLowerCase()).not.toContain("consensus");
      expect(body).toContain(COMPARISON_UNAVAILABLE);
      expect((await editorEmbed({ user: u.Mallory }, malloryBriefing)).status).toBe(404);
    });

    it.each(["md", "html", "docx", "pdf"])(
      "shows the owner's embedded comparison to a viewer alike in the editor, on the share page and in %s",
      async (format) => {
        const inEditor = await editorEmbed({ user: u.Viewer }, ownersBriefing);
        expect(inEditor.status).toBe(200);
        expect(await inEditor.json()).toMatchObject({ name: "Owner's secret comparison" });
        const shared = JSON.stringify(await (await shareContent(ownersToken)).json());
        expect(shared).toContain("Consensus");
        for (const who of [{ user: u.Viewer }, { token: ownersToken }]) {
          const text = await textOf(format, await (await exportStatus(ownersBriefing, who, format)).arrayBuffer());
          expect(text).toContain("Owner's secret comparison");
          expect(text).toContain("Consensus");
        }
      },
    );

    it("refuses the embed to someone who cannot read the briefing, and to a link of another briefing", async () => {
      expect((await editorEmbed({ user: u.Stranger }, ownersBriefing)).status).toBe(404);
      expect((await editorEmbed({ user: u.Mallory }, ownersBriefing)).status).toBe(404);
      expect((await editorEmbed({}, ownersBriefing)).status).toBe(401);
    });
  });
});
