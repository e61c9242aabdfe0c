// Change alerts through the real catalog actions on both databases: a change to a value a briefing
// cites (by a card or an embedded comparison) alerts that briefing and notifies its owner; nothing
// else is alerted; notices are shown only to readers and dismissed only by editors.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBriefing } from "@/lib/briefings/create";
import { signUp, type TestUser, useTestDb } from "@/lib/test/auth";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { buildCatalog, buildDimension, buildFramework, buildSource } from "@/lib/test/fixtures";
import { request } from "@/lib/test/next-request";

const { createAuth } = await import("@/lib/auth/auth");
const catalogActions = await import("../actions");
const { dismissCatalogAlerts } = await import("./actions");
const { importCatalog } = await import("../exchange");
const { listBriefingAlerts } = await import("./queries");

const card = (slug: string, mode = "live") => ({
  type: "frameworkCard",
  attrs: { slug, mode, pinnedAt: null, snapshot: null },
});
const doc = (...content: unknown[]) => ({ type: "doc", content: [{ type: "paragraph" }, ...content] });
const text = (t: string) => ({ type: "paragraph", content: [{ type: "text", text: t }] });

const catalog = buildCatalog(
  [
    buildFramework({
      slug: "north-pact",
      name: "North Pact",
      attributes: [
        { dimension: "collective_defence_clause", value: true, note: null, sources: [buildSource()] },
        { dimension: "budget_note", value: "Old budget", note: null, sources: [buildSource()] },
      ],
    }),
    buildFramework({ slug: "south-forum", name: "South Forum" }),
  ],
  [buildDimension(), buildDimension({ key: "budget_note", label: "Budget note", valueType: "text" })],
);

describe.each(PROVIDERS)("catalog change alerts on %s", (provider) => {
  let t: TestDatabase;
  let editor: TestUser;
  let bob: TestUser;
  let carol: TestUser;
  let viewer: TestUser;
  let outsider: TestUser;
  const ids: Record<string, string> = {};
  const actor = (u: TestUser) => ({ id: u.id, isAdmin: false, catalogEditor: false });
  const alertedBriefings = async () =>
    (await t.db.catalogAlert.findMany({ select: { briefingId: true } })).map((a) => a.briefingId).sort();
  const setClause = (value: boolean, title: string) =>
    catalogActions.setAttributeValue({
      slug: "north-pact",
      dimension: "collective_defence_clause",
      value,
      note: null,
      sources: [buildSource({ title, url: `https://example.org/${title.toLowerCase().replace(/ /g, "-")}` })],
    });

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    useTestDb(t.db);
    const auth = createAuth(t.db);
    editor = await signUp(auth, "Editor"); // the first account: administrator and catalog editor
    bob = await signUp(auth, "Bob");
    carol = await signUp(auth, "Carol");
    viewer = await signUp(auth, "Viewer");
    outsider = await signUp(auth, "Outsider");
    await importCatalog(t.db, catalog);
    const comparison = await t.db.savedComparison.create({
      data: { name: "North and south", state: "fw=north-pact,south-forum", ownerId: carol.id },
    });
    const hidden = await t.db.savedComparison.create({
      data: { name: "Hiding budget", state: "fw=north-pact&dhide=budget_note", ownerId: carol.id },
    });
    const make = async (key: string, ownerId: string, content: unknown) => {
      ids[key] = (await createBriefing(t.db, { title: key, ownerId, template: "blank", content: content as never })).id;
    };
    await make("live", bob.id, doc(card("north-pact")));
    await make("pinned", bob.id, doc(card("north-pact", "pinned")));
    await make("comparison", carol.id, doc({ type: "comparison", attrs: { comparisonId: comparison.id, title: "x" } }));
    await make("hidden", carol.id, doc({ type: "comparison", attrs: { comparisonId: hidden.id, title: "y" } }));
    await make("other", carol.id, doc(card("south-forum")));
    await make("quoted", carol.id, doc(text('"slug":"north-pact"')));
    await make("trashed", carol.id, doc(card("north-pact")));
    await t.db.briefing.update({ where: { id: ids.trashed }, data: { deletedAt: new Date() } });
    await t.db.briefingGrant.create({ data: { briefingId: ids.live!, userId: viewer.id, role: "viewer" } });
  });
  afterAll(() => t?.drop());

  it("alerts the briefings citing a changed card value and notifies their owners once", async () => {
    request.headers = editor.headers;
    expect(await setClause(false, "New Treaty Text")).toEqual({ ok: true, data: null });
    expect(await alertedBriefings()).toEqual([ids.live, ids.pinned, ids.comparison, ids.hidden].sort());
    const notes = await t.db.notification.findMany({ where: { kind: "catalog_changed" }, orderBy: { userId: "asc" } });
    // One per owner (Bob cites it twice), from the editor, saying what changed.
    expect(notes.map((n) => n.userId).sort()).toEqual([bob.id, carol.id].sort());
    for (const n of notes) {
      expect(n.actorId).toBe(editor.id);
      expect(n.excerpt).toBe("North Pact · Collective-defence clause: Yes → No");
    }
  });

  it("shows the notice with old and new value and their sources to readers only", async () => {
    const { alerts, total } = await listBriefingAlerts(t.db, actor(viewer), ids.live!);
    expect(total).toBe(1);
    expect(alerts[0]).toMatchObject({
      frameworkSlug: "north-pact",
      frameworkName: "North Pact",
      via: "card",
      what: "Collective-defence clause",
      verb: "changed",
      before: "Yes",
      after: "No",
      changedBy: "Editor",
      beforeSources: [{ title: "Founding treaty", url: "https://example.org/treaty", typeLabel: expect.any(String) }],
      afterSources: [{ title: "New Treaty Text", url: "https://example.org/new-treaty-text" }],
    });
    expect(await listBriefingAlerts(t.db, actor(outsider), ids.live!)).toEqual({ alerts: [], total: 0 });
    expect(await listBriefingAlerts(t.db, null, ids.live!)).toEqual({ alerts: [], total: 0 });
    expect((await listBriefingAlerts(t.db, actor(carol), ids.comparison!)).alerts[0]?.via).toBe("comparison");
  });

  it("alerts comparisons, not cards, for values a card does not show, unless the comparison hides them", async () => {
    await t.db.catalogAlert.deleteMany();
    request.headers = editor.headers;
    const result = await catalogActions.setAttributeValue({
      slug: "north-pact",
      dimension: "budget_note",
      value: "New budget",
      note: null,
      sources: [buildSource()],
    });
    expect(result.ok).toBe(true);
    expect(await alertedBriefings()).toEqual([ids.comparison]);
  });

  it("alerts card citations for framework fields and members, and nobody for an unchanged save", async () => {
    await t.db.catalogAlert.deleteMany();
    request.headers = editor.headers;
    const { slug: _s, members: _m, attributes: _a, ...fields } = catalog.frameworks[0]!;
    expect((await catalogActions.updateFramework({ slug: "north-pact", ...fields, name: "North Pact" })).ok).toBe(true);
    expect(await t.db.catalogAlert.count()).toBe(0);
    expect((await catalogActions.updateFramework({ slug: "north-pact", ...fields, name: "Northern Pact" })).ok).toBe(
      true,
    );
    expect(await alertedBriefings()).toEqual([ids.live, ids.pinned].sort());
    const [alert] = (await listBriefingAlerts(t.db, actor(bob), ids.live!)).alerts;
    expect(alert).toMatchObject({ what: "Details", before: "Name: North Pact", after: "Name: Northern Pact" });
  });

  it("lets editors dismiss notices for everyone, and refuses readers", async () => {
    const before = await t.db.catalogAlert.count({ where: { briefingId: ids.live, dismissedAt: null } });
    expect(before).toBe(1);
    request.headers = viewer.headers;
    expect(await dismissCatalogAlerts({ briefingId: ids.live })).toMatchObject({ ok: false, code: "forbidden" });
    request.headers = outsider.headers;
    expect((await dismissCatalogAlerts({ briefingId: ids.live })).ok).toBe(false);
    expect(await t.db.catalogAlert.count({ where: { briefingId: ids.live, dismissedAt: null } })).toBe(1);
    request.headers = bob.headers;
    const other = await t.db.catalogAlert.findFirstOrThrow({ where: { briefingId: ids.pinned } });
    // An id of another briefing's alert is ignored.
    expect(await dismissCatalogAlerts({ briefingId: ids.live, ids: [other.id] })).toEqual({
      ok: true,
      data: { dismissed: 0 },
    });
    expect(await dismissCatalogAlerts({ briefingId: ids.live })).toEqual({ ok: true, data: { dismissed: 1 } });
    expect((await listBriefingAlerts(t.db, actor(viewer), ids.live!)).alerts).toEqual([]);
    expect(await dismissCatalogAlerts({ briefingId: ids.live, ids: [] })).toMatchObject({ ok: false });
  });
});
