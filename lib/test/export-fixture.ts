import type { JSONContent } from "@tiptap/core";
import type * as Y from "yjs";
import { createBriefing } from "@/lib/briefings/create";
import { briefingLog } from "@/lib/briefings/doc/update-log";
import { prosemirrorJsonToYUpdate, yDocFromUpdates } from "@/lib/briefings/doc/ydoc";
import { importCatalog } from "@/lib/catalog/exchange";
import { createSavedComparison } from "@/lib/comparisons/queries";
import type { Db } from "@/lib/db";
import { BRIEFING_FRAGMENT } from "@/lib/editor/fragment";
import { buildCatalog, buildDimension, buildFramework, buildSource, buildUser } from "./fixtures";

/** Builders for export tests: a small cited catalog, a saved comparison and a briefing using every node type. */

const text = (value: string, marks: JSONContent["marks"] = undefined): JSONContent =>
  marks ? { type: "text", text: value, marks } : { type: "text", text: value };
export const paragraph = (...content: JSONContent[]): JSONContent => ({ type: "paragraph", content });
export const heading = (level: number, value: string): JSONContent => ({
  type: "heading",
  attrs: { level },
  content: [text(value)],
});
const item = (...content: JSONContent[]): JSONContent => ({ type: "listItem", content });
const cell = (type: "tableCell" | "tableHeader", ...content: JSONContent[]): JSONContent => ({
  type,
  attrs: { colspan: 1, rowspan: 1, colwidth: null },
  content: content.length ? content : [{ type: "paragraph" }],
});
export const link = (value: string, href: string): JSONContent => text(value, [{ type: "link", attrs: { href } }]);

export const SOURCES = {
  treaty: buildSource({ title: "Founding treaty text", url: "https://example.org/treaty", publisher: "Treaty Office" }),
  rules: buildSource({ title: "Rules of procedure", url: "https://example.org/rules", publisher: "Secretariat" }),
  pact: buildSource({ title: "Other pact charter", url: "https://example.org/pact-charter", publisher: "Pact HQ" }),
  pinned: buildSource({ title: "Archived communique", url: "https://example.org/archive/communique" }),
};

/** Two cited frameworks over two dimensions. */
export function exportCatalog() {
  const decision = buildDimension({
    key: "decision_rule",
    label: "Decision rule",
    group: "Governance",
    valueType: "enum",
    options: ["consensus", "majority"],
  });
  return buildCatalog(
    [
      buildFramework({
        slug: "test-alliance",
        name: "Test Alliance",
        acronym: "TA",
        headquarters: "Brussels, Belgium",
        summary: "A collective-defence alliance used by the export tests.",
        attributes: [
          { dimension: "collective_defence_clause", value: true, note: null, sources: [SOURCES.treaty] },
          { dimension: "decision_rule", value: "consensus", note: null, sources: [SOURCES.rules, SOURCES.treaty] },
        ],
      }),
      buildFramework({
        slug: "other-pact",
        name: "Other Pact",
        acronym: "OP",
        region: "indo-pacific",
        headquarters: "Canberra, Australia",
        summary: "A second framework to compare against.",
        attributes: [
          { dimension: "collective_defence_clause", value: false, note: null, sources: [SOURCES.pact] },
          { dimension: "decision_rule", value: "majority", note: null, sources: [SOURCES.pact] },
        ],
      }),
    ],
    [buildDimension(), decision],
  );
}

/** The snapshot of the pinned card: a framework as it was at pin time (no longer in the catalog). */
export const PINNED_SNAPSHOT = JSON.stringify({
  slug: "pinned-pact",
  name: "Pinned Pact",
  acronym: "PP",
  kind: "bilateral-defence-treaty",
  region: "americas",
  status: "defunct",
  founded: "1954-09-08",
  ended: "1977-06-30",
  headquarters: "Bangkok, Thailand",
  summary: "A treaty captured when it was pinned.",
  memberCount: 8,
  cited: [{ key: "legally_binding", label: "Legally binding", display: "Yes", sources: [SOURCES.pinned] }],
});

/** A briefing document that uses every node and mark type of the editor schema. */
export function everyNodeDocument(comparisonId: string): JSONContent {
  return {
    type: "doc",
    content: [
      heading(1, "Baltic deterrence options"),
      paragraph(
        text("Plain, "),
        text("bold", [{ type: "bold" }]),
        text(", "),
        text("italic", [{ type: "italic" }]),
        text(", "),
        text("underlined", [{ type: "underline" }]),
        text(", "),
        text("struck", [{ type: "strike" }]),
        text(" and "),
        link("a link to NATO", "https://www.nato.int/"),
        text("."),
        { type: "hardBreak" },
        text("After a line break."),
      ),
      heading(2, "Background"),
      {
        type: "bulletList",
        content: [
          item(paragraph(text("Forward presence")), {
            type: "bulletList",
            content: [item(paragraph(text("Battlegroups in eight states")))],
          }),
          item(paragraph(text("Air policing"))),
        ],
      },
      {
        type: "orderedList",
        attrs: { start: 1, type: null },
        content: [
          item(paragraph(text("First step")), {
            type: "orderedList",
            attrs: { start: 1, type: null },
            content: [item(paragraph(text("Nested step")))],
          }),
          item(paragraph(text("Second step"))),
        ],
      },
      { type: "blockquote", content: [paragraph(text("Deterrence is a state of mind."))] },
      heading(3, "Force posture table"),
      {
        type: "table",
        content: [
          {
            type: "tableRow",
            content: [
              cell("tableHeader", paragraph(text("Option"))),
              cell("tableHeader", paragraph(text("Cost"))),
              cell("tableHeader", paragraph(text("Notes"))),
            ],
          },
          {
            type: "tableRow",
            content: [
              cell("tableCell", paragraph(text("Option A"))),
              cell("tableCell"),
              cell("tableCell", paragraph(text("First note.")), paragraph(text("Second note."))),
            ],
          },
          {
            type: "tableRow",
            content: [
              cell("tableCell", paragraph(text("Option B"))),
              cell("tableCell", paragraph(text("High"))),
              cell("tableCell", paragraph(text("Needs host-nation support."))),
            ],
          },
        ],
      },
      { type: "horizontalRule" },
      heading(4, "Frameworks"),
      { type: "frameworkCard", attrs: { slug: "test-alliance", mode: "live", pinnedAt: null, snapshot: null } },
      {
        type: "frameworkCard",
        attrs: { slug: "pinned-pact", mode: "pinned", pinnedAt: "2026-11-20T09:00:00.000Z", snapshot: PINNED_SNAPSHOT },
      },
      { type: "comparison", attrs: { comparisonId, title: "Alliance comparison" } },
      paragraph(text("Questions: "), link("desk@example.org", "mailto:desk@example.org")),
    ],
  };
}

/**
 * Replaces a briefing's content the way an editor does: a Yjs update appended to the update log
 * (not Briefing.contentJson, which stays as the template wrote it).
 */
export async function writeBriefingContent(db: Db, briefingId: string, json: JSONContent): Promise<void> {
  const log = briefingLog(db);
  const state = await log.load(briefingId);
  const doc = yDocFromUpdates([...(state?.snapshot ? [state.snapshot] : []), ...(state?.updates ?? [])]);
  const source = yDocFromUpdates([prosemirrorJsonToYUpdate(json)]);
  const updates: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => updates.push(update));
  const fragment = doc.getXmlFragment(BRIEFING_FRAGMENT);
  doc.transact(() => {
    fragment.delete(0, fragment.length);
    fragment.insert(
      0,
      source
        .getXmlFragment(BRIEFING_FRAGMENT)
        .toArray()
        .map((node) => (node as Y.XmlElement).clone()),
    );
  });
  for (const update of updates) await log.append(briefingId, update);
  doc.destroy();
  source.destroy();
}

/** Catalog, owner, an editor, a saved comparison and a briefing holding everyNodeDocument(). */
export async function createExportFixture(db: Db, title = "Baltic posture review") {
  await importCatalog(db, exportCatalog());
  const owner = await db.user.create({ data: buildUser({ name: "Olivia Owner" }) });
  const editor = await db.user.create({ data: buildUser({ name: "Eddie Editor" }) });
  const comparison = await createSavedComparison(db, {
    name: "Alliance comparison",
    state: "fw=test-alliance,other-pact",
    ownerId: owner.id,
  });
  const { id } = await createBriefing(db, { title, ownerId: owner.id, template: "policy-brief" });
  await db.briefingGrant.create({ data: { briefingId: id, userId: editor.id, role: "editor" } });
  await db.briefing.update({ where: { id }, data: { classification: "UNCLASSIFIED // FOR OFFICIAL USE" } });
  await writeBriefingContent(db, id, everyNodeDocument(comparison.id));
  return { briefingId: id, owner, editor, comparisonId: comparison.id };
}
