import type { JSONContent } from "@tiptap/core";
import { createBriefing } from "@/lib/briefings/create";
import { seedCatalog } from "@/lib/catalog/seed";
import { createSavedComparison } from "@/lib/comparisons/queries";
import type { Db } from "@/lib/db";
import { cardSnapshotOf, loadLiveCards } from "@/lib/export/cards";
import { writeBriefingContent } from "@/lib/test/export-fixture";
import { buildUser } from "@/lib/test/fixtures";

const WORDS =
  "deterrence alliance posture readiness interoperability commitment treaty consultation burden sharing capability exercise region partner escalation assurance logistics command presence maritime air land cyber space industry procurement".split(
    " ",
  );

const text = (value: string, marks?: JSONContent["marks"]): JSONContent => ({
  type: "text",
  text: value,
  ...(marks ? { marks } : {}),
});
const paragraph = (...content: JSONContent[]): JSONContent => ({ type: "paragraph", content });

/** Deterministic prose: `n` words from a small vocabulary, as sentences. */
function prose(seed: number, n: number): string {
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(WORDS[(seed * 7 + i * 13 + ((i * i) % 11)) % WORDS.length]!);
  return words
    .join(" ")
    .replace(/(\w+(?: \w+){11}) /g, "$1. ")
    .replace(/^./, (c) => c.toUpperCase())
    .concat(".");
}

function richParagraph(seed: number): JSONContent {
  return paragraph(
    text(`${prose(seed, 45)} `),
    text("Key judgement: ", [{ type: "bold" }]),
    text(prose(seed + 1, 20), [{ type: "italic" }]),
    text(" See "),
    text("the source", [{ type: "link", attrs: { href: `https://example.org/briefing/${seed}` } }]),
    text(`. ${prose(seed + 2, 40)}`),
  );
}

const item = (value: string, nested?: JSONContent): JSONContent => ({
  type: "listItem",
  content: [paragraph(text(value)), ...(nested ? [nested] : [])],
});

function table(seed: number): JSONContent {
  const cell = (type: string, value: string) => ({ type, content: [paragraph(text(value))] });
  const row = (type: string, values: string[]) => ({ type: "tableRow", content: values.map((v) => cell(type, v)) });
  return {
    type: "table",
    content: [
      row("tableHeader", ["Option", "Cost", "Risk", "Notes"]),
      ...[0, 1, 2, 3].map((r) =>
        row("tableCell", [
          `Option ${r + 1}`,
          `${(seed + r) % 9} bn`,
          ["Low", "Medium", "High"][r % 3]!,
          prose(seed + r, 12),
        ]),
      ),
    ],
  };
}

export type BenchBriefing = { briefingId: string; sections: number };

/**
 * A long briefing: `sections` sections of prose, lists, quotes and tables, with 50 framework cards
 * (half live, half pinned with real snapshots) and 5 embedded comparisons spread through it.
 */
export async function createBenchBriefing(db: Db, sections: number): Promise<BenchBriefing> {
  await seedCatalog(db);
  const owner = await db.user.create({ data: buildUser({ name: "Bench Analyst" }) });
  const slugs = (await db.framework.findMany({ select: { slug: true }, orderBy: { slug: "asc" } })).map((f) => f.slug);
  const comparisons = [];
  for (let i = 0; i < 5; i++) {
    const picked = slugs.filter((_, j) => (j + i) % 4 === 0).slice(0, 6 + i);
    comparisons.push(
      await createSavedComparison(db, {
        name: `Comparison ${i + 1}`,
        state: `fw=${picked.join(",")}`,
        ownerId: owner.id,
      }),
    );
  }
  const live = await loadLiveCards(db, slugs);
  const content: JSONContent[] = [];
  for (let s = 0; s < sections; s++) {
    content.push({ type: "heading", attrs: { level: 2 }, content: [text(`Section ${s + 1}: ${prose(s, 4)}`)] });
    content.push(richParagraph(s), richParagraph(s + 100));
    content.push({
      type: "bulletList",
      content: [
        item(prose(s, 10), { type: "bulletList", content: [item(prose(s + 1, 8))] }),
        item(prose(s + 2, 12)),
        item(prose(s + 3, 9)),
      ],
    });
    if (s % 2 === 0)
      content.push(
        { type: "heading", attrs: { level: 3 }, content: [text(`Assessment ${s + 1}`)] },
        richParagraph(s + 200),
      );
    if (s % 3 === 0) content.push(table(s));
    if (s % 4 === 1) content.push({ type: "blockquote", content: [paragraph(text(prose(s + 5, 30)))] });
    if (s % 5 === 2)
      content.push({ type: "orderedList", attrs: { start: 1 }, content: [item(prose(s, 8)), item(prose(s + 1, 8))] });
  }
  // 50 cards and 5 comparisons, evenly spread.
  const at = (k: number, of: number) => Math.floor(((k + 0.5) * content.length) / of);
  const embeds: [number, JSONContent][] = [];
  for (let c = 0; c < 50; c++) {
    const slug = slugs[c % slugs.length]!;
    const pinned = c % 2 === 1;
    const attrs = pinned
      ? { slug, mode: "pinned", pinnedAt: "2026-11-01T09:00:00.000Z", snapshot: cardSnapshotOf(live.get(slug)!) }
      : { slug, mode: "live", pinnedAt: null, snapshot: null };
    embeds.push([at(c, 50), { type: "frameworkCard", attrs }]);
  }
  comparisons.forEach((cmp, i) => {
    embeds.push([at(i, 5), { type: "comparison", attrs: { comparisonId: cmp.id, title: cmp.name } }]);
  });
  for (const [index, node] of embeds.sort((a, b) => b[0] - a[0])) content.splice(index, 0, node);
  const { id } = await createBriefing(db, {
    title: "Indo-Pacific deterrence review",
    ownerId: owner.id,
    template: "blank",
  });
  await db.briefing.update({ where: { id }, data: { classification: "UNCLASSIFIED // FOR OFFICIAL USE" } });
  await writeBriefingContent(db, id, { type: "doc", content });
  return { briefingId: id, sections };
}
