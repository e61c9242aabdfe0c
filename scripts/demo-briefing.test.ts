// The sample briefing seed:demo creates, on SQLite and PostgreSQL: cards, a comparison, a
// citation, a footnote, a table of contents, a BLUF box and an anchored comment thread with a reply.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as Y from "yjs";
import { getAuth } from "@/lib/auth/auth";
import { yDocFromUpdates } from "@/lib/briefings/doc/ydoc";
import { seedCatalogIfEmpty } from "@/lib/catalog/seed";
import { resolveAnchorInDoc } from "@/lib/comments/anchor";
import { listThreads } from "@/lib/comments/queries";
import { exportBriefing } from "@/lib/export";
import { signUp, type TestUser, useTestDb } from "@/lib/test/auth";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { seedDemoBriefing } from "./demo-briefing";

describe.each(PROVIDERS)("the demo briefing on %s", (provider) => {
  let t: TestDatabase;
  const u: Record<string, TestUser> = {};
  let teamId = "";

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    useTestDb(t.db);
    await seedCatalogIfEmpty(t.db);
    for (const name of ["Director", "Analyst", "Editor"]) u[name] = await signUp(getAuth(t.db), name);
    teamId = crypto.randomUUID();
    await t.db.organization.create({ data: { id: teamId, name: "Demo unit", slug: `demo-${teamId}` } });
    for (const [name, role] of [
      ["Director", "owner"],
      ["Analyst", "member"],
      ["Editor", "admin"],
    ] as const) {
      await t.db.member.create({
        data: { id: crypto.randomUUID(), organizationId: teamId, userId: u[name]!.id, role },
      });
    }
  }, 120_000);
  afterAll(() => t?.drop());

  it("shows cards, a comparison, a citation, a footnote and an anchored thread, once", async () => {
    const people = { owner: u.Director!.id, teamId, commenter: u.Analyst!.id, replier: u.Editor!.id };
    const first = await seedDemoBriefing(t.db, people);
    expect(first.created).toBe(true);
    const again = await seedDemoBriefing(t.db, people);
    expect(again).toEqual({ id: first.id, created: false });

    const row = await t.db.briefing.findUniqueOrThrow({
      where: { id: first.id },
      select: { contentJson: true, yState: true },
    });
    const types = JSON.stringify(JSON.parse(row.contentJson ?? "{}"));
    for (const type of ["frameworkCard", "comparison", "citation", "footnote", "tableOfContents", "callout"])
      expect(types).toContain(`"type":"${type}"`);

    const threads = await listThreads(t.db, first.id);
    expect(threads).toHaveLength(1);
    expect(threads[0]!.comments).toHaveLength(2);
    const anchor = threads[0]!.anchor;
    expect(anchor).toBeTruthy();
    const doc = yDocFromUpdates([row.yState!]);
    const range = resolveAnchorInDoc(doc, anchor!);
    expect(range).not.toBeNull();
    const text = (range!.from.type as Y.XmlText).toString().slice(range!.from.index, range!.to.index);
    expect(text).toBe("fund the battlegroups for another five years");

    // The cards resolve against the catalog and the comparison is found; the notes reach the file.
    const file = await exportBriefing(t.db, first.id, "md", { baseUrl: "https://demo.example" });
    const markdown = Buffer.from(file!.body).toString("utf8");
    expect(markdown).toContain("North Atlantic Treaty Organization");
    expect(markdown).toContain("[^note-1]: See the 2016 Warsaw Summit");
    expect(markdown).toMatch(/\*\*Comparison: Sample: NATO, AUKUS and the Quad\*\*\n\n\| Dimension \|/);
    expect(markdown).toMatch(/^\[\^1\]: /m);
  });
});
