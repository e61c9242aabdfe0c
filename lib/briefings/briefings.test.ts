import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { BRIEFING_FRAGMENT } from "@/lib/editor/fragment";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { buildUser } from "@/lib/test/fixtures";
import { appendParagraph, blockTexts } from "@/lib/test/ydoc";
import { createBriefing } from "./create";
import { deriveBriefingContent, prosemirrorJsonToText, yDocToProsemirrorJson } from "./doc/content";
import { prosemirrorJsonToYUpdate, yDocFromUpdates } from "./doc/ydoc";
import { BRIEFING_TEMPLATES, getBriefingTemplate } from "./templates";

describe("briefing templates", () => {
  it.each(BRIEFING_TEMPLATES.map((t) => [t.id, t]))("%s converts to a Yjs document and back unchanged", (_, t) => {
    const doc = yDocFromUpdates([prosemirrorJsonToYUpdate(t.content)]);
    expect(yDocToProsemirrorJson(doc)).toEqual(t.content);
  });

  it("gives the policy brief its five sections, each with guidance that is not text", () => {
    const { content } = getBriefingTemplate("policy-brief");
    const blocks = content.content ?? [];
    expect(blocks.filter((_, i) => i % 2 === 0).map((b) => b.content?.[0]?.text)).toEqual([
      "Summary",
      "Background",
      "Analysis",
      "Options",
      "Recommendation",
    ]);
    const guided = blocks.filter((_, i) => i % 2 === 1);
    for (const block of guided) {
      expect(block.type).toBe("paragraph");
      expect(block.content).toBeUndefined();
      expect(String(block.attrs?.guidance).length).toBeGreaterThan(20);
    }
    expect(prosemirrorJsonToText(content)).not.toContain(String(guided[0]?.attrs?.guidance));
  });

  it("rejects content the editor schema does not allow", () => {
    expect(() => prosemirrorJsonToYUpdate({ type: "doc", content: [{ type: "codeBlock" }] })).toThrow();
  });
});

describe("derived content", () => {
  it("reads marks, attributes and embeds as JSON and plain text without writing to the document", () => {
    const doc = yDocFromUpdates([
      prosemirrorJsonToYUpdate({
        type: "doc",
        content: [
          {
            type: "paragraph",
            content: [
              { type: "text", text: "See " },
              { type: "text", text: "NATO", marks: [{ type: "link", attrs: { href: "https://nato.int" } }] },
            ],
          },
          { type: "frameworkCard", attrs: { slug: "nato", mode: "live" } },
          { type: "comparison", attrs: { comparisonId: "c1", title: "Alliances" } },
        ],
      }),
    ]);
    const before = Y.encodeStateAsUpdate(doc);
    const { json, text } = deriveBriefingContent(doc);
    expect(text).toBe("See NATO\n[Framework: nato]\n[Comparison: Alliances]");
    expect(json.content?.[0]?.content?.[1]?.marks?.[0]).toMatchObject({
      type: "link",
      attrs: { href: "https://nato.int" },
    });
    expect(json.content?.[1]).toMatchObject({ type: "frameworkCard", attrs: { slug: "nato", mode: "live" } });
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });
});

describe.each(PROVIDERS)("createBriefing on %s", (provider) => {
  let t: TestDatabase;
  let ownerId: string;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
    ownerId = (await t.db.user.create({ data: buildUser() })).id;
  });
  afterAll(() => t?.drop());

  it("stores the template once in the Yjs state, with derived JSON and text", async () => {
    const { id } = await createBriefing(t.db, { title: "Baltic posture", ownerId, template: "policy-brief" });
    const row = await t.db.briefing.findUniqueOrThrow({ where: { id } });
    expect(row.yState).not.toBeNull();
    expect(row.yStateVersion).toBe(0);
    const doc = yDocFromUpdates([new Uint8Array(row.yState!)]);
    expect(blockTexts(doc)[0]).toBe("Summary");
    expect(JSON.parse(row.contentJson!)).toEqual(getBriefingTemplate("policy-brief").content);
    expect(row.contentText).toContain("Recommendation");
    expect(await t.db.briefingUpdate.count({ where: { briefingId: id } })).toBe(0);
  });

  it("starts a blank briefing with one empty paragraph", async () => {
    const { id } = await createBriefing(t.db, { title: "Blank", ownerId, template: "blank" });
    const row = await t.db.briefing.findUniqueOrThrow({ where: { id } });
    const doc = yDocFromUpdates([new Uint8Array(row.yState!)]);
    expect(doc.getXmlFragment(BRIEFING_FRAGMENT).length).toBe(1);
    appendParagraph(doc, "x");
    expect(blockTexts(doc)).toEqual(["x"]);
  });
});
