import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAuth } from "@/lib/auth/auth";
import { createBriefing } from "@/lib/briefings/create";
import { bearer, callRoute } from "@/lib/test/api";
import { signUp, type TestUser, useTestDb } from "@/lib/test/auth";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";

const para = (text: string, portion: string | null) => ({
  type: "paragraph",
  attrs: { portion },
  content: [{ type: "text", text }],
});

describe.each(PROVIDERS)("/api/v1/briefings/:id/marking and release exports on %s", (provider) => {
  let t: TestDatabase;
  let routes: typeof import("./route");
  let exportGet: typeof import("../export/route").GET;
  let owner: TestUser;
  let viewer: TestUser;
  let write: Headers;
  let read: Headers;
  let viewerToken: Headers;
  let id = "";

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    useTestDb(t.db);
    owner = await signUp(getAuth(t.db), "Owner");
    viewer = await signUp(getAuth(t.db), "Viewer");
    write = (await bearer(t.db, owner.id, "write", "marking bot")).headers;
    read = (await bearer(t.db, owner.id, "read")).headers;
    viewerToken = (await bearer(t.db, viewer.id, "write")).headers;
    ({ id } = await createBriefing(t.db, {
      title: "Marked",
      ownerId: owner.id,
      template: "blank",
      content: {
        type: "doc",
        content: [
          para("Shared with partners.", "S/REL:USA,GBR"),
          para("Our eyes only.", "C/NOFORN"),
          para("Public background.", "U"),
          para("Needs a mark.", null),
        ],
      },
    }));
    await t.db.briefing.update({ where: { id }, data: { classification: "OLD FREE TEXT" } });
    await t.db.briefingGrant.create({ data: { briefingId: id, userId: viewer.id, role: "viewer" } });
    routes = await import("./route");
    exportGet = (await import("../export/route")).GET;
  });
  afterAll(() => t?.drop());

  const get = (headers = read) =>
    callRoute(routes.GET, "GET", `/api/v1/briefings/${id}/marking`, { headers, params: { id } });
  const put = (json: unknown, headers = write) =>
    callRoute(routes.PUT, "PUT", `/api/v1/briefings/${id}/marking`, { headers, json, params: { id } });
  const download = (query: string, headers = write) =>
    callRoute(exportGet, "GET", `/api/v1/briefings/${id}/export?${query}`, { headers, params: { id } });

  it("shows the legacy free-text marking until a profile is chosen", async () => {
    const response = await get();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      briefingId: id,
      profile: null,
      profileName: null,
      authority: { classifiedBy: "", derivedFrom: [], declassifyOn: "" },
      legacyClassification: "OLD FREE TEXT",
      banner: "OLD FREE TEXT",
      issues: [],
      unmarked: [],
    });
    const md = await (await download("format=md")).text();
    expect(md).toContain("OLD FREE TEXT");
  });

  it("sets the profile and authority block, computes the banner and audits the write", async () => {
    const response = await put({
      profile: "us-cnsi",
      authority: {
        classifiedBy: "J. Analyst, Policy Office",
        derivedFrom: ["Memo A", "Cable B"],
        declassifyOn: "20511205",
      },
    });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({
      profile: "us-cnsi",
      profileName: "US-style (32 CFR 2001.21-23)",
      authority: {
        classifiedBy: "J. Analyst, Policy Office",
        derivedFrom: ["Memo A", "Cable B"],
        declassifyOn: "20511205",
      },
      banner: "SECRET//NOFORN",
      unmarked: ["Paragraph 4 (“Needs a mark.”)"],
    });
    const audit = await t.db.apiAudit.findMany({ where: { action: "briefing.marking" } });
    expect(audit.map((a) => [a.tokenName, a.target])).toEqual([["marking bot", `${id} profile=us-cnsi authority`]]);
  });

  it("refuses bad input, unknown profiles, read tokens and viewers, changing nothing", async () => {
    for (const json of [
      {},
      { profile: "US CNSI" },
      { authority: { classifiedBy: 3 } },
      { profile: "nato", extra: 1 },
    ]) {
      expect((await put(json)).status, JSON.stringify(json)).toBe(400);
    }
    // The API answers every bad input with 400 (lib/api/errors.ts), naming the field.
    const unknown = await put({ profile: "no-such-profile" });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error.message).toContain('no marking profile "no-such-profile"');
    expect((await put({ profile: "nato" }, read)).status).toBe(403);
    expect((await put({ profile: "nato" }, viewerToken)).status).toBe(403);
    expect((await get(viewerToken)).status).toBe(200);
    const row = await t.db.briefing.findUniqueOrThrow({ where: { id }, select: { markingProfile: true } });
    expect(row.markingProfile).toBe("us-cnsi");
  });

  it("refuses exports while a portion is unmarked, naming where", async () => {
    const response = await download("format=md");
    expect(response.status).toBe(409);
    const { error } = await response.json();
    expect(error.message).toContain("1 unmarked: Paragraph 4 (“Needs a mark.”)");
  });

  it("prints portion marks, the banner and the authority block once every portion is marked", async () => {
    const json = await t.db.briefing.findUniqueOrThrow({ where: { id }, select: { contentJson: true } });
    const doc = JSON.parse(json.contentJson ?? "{}");
    doc.content[3].attrs.portion = "U";
    await t.db.briefing.update({
      where: { id },
      data: {
        yState: (await import("@/lib/briefings/doc/update-log")).toBytes(
          (await import("@/lib/briefings/doc/ydoc")).prosemirrorJsonToYUpdate(doc),
        ),
        contentJson: JSON.stringify(doc),
      },
    });
    const md = await (await download("format=md")).text();
    expect(md).toContain("SECRET//NOFORN");
    expect(md).not.toContain("OLD FREE TEXT");
    expect(md).toContain("(S//REL TO USA, GBR) Shared with partners.");
    expect(md).toContain("(C//NF) Our eyes only.");
    expect(md).toContain("Derived From: Multiple Sources");
    expect(md).toContain("Classified By: J. Analyst, Policy Office");
  });

  it("exports a release copy: non-releasable portions withheld, banner recomputed", async () => {
    const response = await download("format=md&releaseTo=GBR");
    expect(response.status).toBe(200);
    const md = await response.text();
    expect(md).toContain("SECRET//REL TO USA, GBR");
    expect(md).not.toContain("NOFORN");
    expect(md).not.toContain("Our eyes only.");
    expect(md).toContain("Shared with partners.");
    expect(md).toContain("Public background.");
    expect(md).toContain("Release copy for United Kingdom (GBR): 1 portion was withheld as not releasable.");
    // Nothing is releasable to France but the unclassified portions.
    const fra = await (await download("format=md&releaseTo=FRA")).text();
    expect(fra).toContain("2 portions were withheld");
    expect(fra).not.toContain("Shared with partners.");
  });

  it("refuses release copies to viewers, read tokens and unknown recipients", async () => {
    expect((await download("format=md&releaseTo=GBR", viewerToken)).status).toBe(403);
    expect((await download("format=md&releaseTo=GBR", read)).status).toBe(403);
    const unknown = await download("format=md&releaseTo=XYZ");
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error.message).toContain("XYZ is not a country or group");
    expect((await download("format=md&releaseTo=gbr")).status).toBe(400);
    // A viewer still downloads the full copy.
    expect((await download("format=md", viewerToken)).status).toBe(200);
  });
});
