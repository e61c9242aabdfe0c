import type { JSONContent } from "@tiptap/core";
import * as Y from "yjs";
import { createBriefing } from "@/lib/briefings/create";
import { yDocFromUpdates } from "@/lib/briefings/doc/ydoc";
import { encodeAnchor } from "@/lib/comments/anchor";
import { createComment } from "@/lib/comments/service";
import { createSavedComparison } from "@/lib/comparisons/queries";
import type { Db } from "@/lib/db";
import { BRIEFING_FRAGMENT } from "@/lib/editor/fragment";
import { loadLiveCards } from "@/lib/export/cards";

export const DEMO_BRIEFING_TITLE = "Sample: Baltic deterrence options";
const COMPARISON_NAME = "Sample: NATO, AUKUS and the Quad";
const CARDS = ["nato", "aukus"];
const BLUF = "Keep the forward presence and fund the battlegroups for another five years.";

const text = (value: string): JSONContent => ({ type: "text", text: value });
const paragraph = (...content: JSONContent[]): JSONContent => ({ type: "paragraph", content });
const heading = (level: number, value: string): JSONContent => ({
  type: "heading",
  attrs: { level },
  content: [text(value)],
});

/** A citation of the first NATO card value that has sources (null when the catalog has none). */
async function natoCitation(db: Db): Promise<JSONContent | null> {
  const nato = (await loadLiveCards(db, ["nato"])).get("nato");
  const cited = nato?.cited.find((c) => c.sources.length > 0);
  if (!nato || !cited) return null;
  const sources = cited.sources
    .slice(0, 20)
    .map(({ title, url, publisher, accessed }) => ({ title, url, publisher, accessed }));
  return {
    type: "citation",
    attrs: {
      slug: "nato",
      dimension: cited.key,
      label: `${nato.acronym || nato.name}: ${cited.label}: ${cited.display}`.slice(0, 300),
      sources: JSON.stringify(sources),
    },
  };
}

function content(comparison: { id: string; name: string }, citation: JSONContent | null): JSONContent {
  return {
    type: "doc",
    content: [
      { type: "callout", attrs: { variant: "bluf" }, content: [paragraph(text(BLUF))] },
      { type: "tableOfContents" },
      heading(1, "Background"),
      paragraph(
        text("Allied forward presence in the Baltic states rests on collective defence"),
        ...(citation ? [citation] : []),
        text(" and on the allies' shared assessment of the threat."),
        { type: "footnote", content: [text("See the 2016 Warsaw Summit communiqué, paragraphs 40 and 41.")] },
      ),
      ...CARDS.map((slug) => ({ type: "frameworkCard", attrs: { slug, mode: "live" } })),
      heading(1, "Options"),
      heading(2, "Compare the frameworks"),
      paragraph(text("The comparison below sets the candidate frameworks side by side; it follows the catalog.")),
      { type: "comparison", attrs: { comparisonId: comparison.id, title: comparison.name } },
      heading(1, "Recommendation"),
      paragraph(text("Renew the commitment at the next summit and review it in two years.")),
    ],
  };
}

/** The Yjs relative positions around the first occurrence of `quote` in the briefing's text. */
function anchorOf(state: Uint8Array, quote: string) {
  const doc = yDocFromUpdates([state]);
  try {
    const stack: (Y.XmlElement | Y.XmlText)[] = doc.getXmlFragment(BRIEFING_FRAGMENT).toArray() as never;
    for (let node = stack.shift(); node; node = stack.shift()) {
      if (node instanceof Y.XmlText) {
        const at = node.toString().indexOf(quote);
        if (at >= 0) {
          return encodeAnchor(
            Y.createRelativePositionFromTypeIndex(node, at),
            Y.createRelativePositionFromTypeIndex(node, at + quote.length),
          );
        }
      } else stack.push(...(node.toArray() as (Y.XmlElement | Y.XmlText)[]));
    }
    return undefined;
  } finally {
    doc.destroy();
  }
}

type DemoPeople = { owner: string; teamId: string; commenter: string; replier: string };
const actor = (id: string) => ({ id, isAdmin: false, catalogEditor: false });

/**
 * The sample briefing of the demo team (once: an existing one is left alone): a "Bottom line up
 * front" box, a table of contents, live framework cards, a citation and a footnote, an embedded
 * saved comparison, and a comment thread with a reply anchored on the recommendation.
 */
export async function seedDemoBriefing(db: Db, people: DemoPeople): Promise<{ id: string; created: boolean }> {
  const existing = await db.briefing.findFirst({
    where: { title: DEMO_BRIEFING_TITLE, ownerId: people.owner, deletedAt: null },
    select: { id: true },
  });
  if (existing) return { id: existing.id, created: false };
  const comparison = await createSavedComparison(db, {
    name: COMPARISON_NAME,
    state: "fw=nato,aukus,quad",
    ownerId: people.owner,
    teamId: people.teamId,
  });
  const briefing = await createBriefing(db, {
    title: DEMO_BRIEFING_TITLE,
    ownerId: people.owner,
    teamId: people.teamId,
    template: "blank",
    content: content(comparison, await natoCitation(db)),
  });
  const row = await db.briefing.findUniqueOrThrow({ where: { id: briefing.id }, select: { yState: true } });
  const quote = "fund the battlegroups for another five years";
  const thread = await createComment(db, actor(people.commenter), briefing.id, {
    body: "Five years is longer than the budget cycle: should we say three with a review?",
    quote,
    anchor: row.yState ? anchorOf(row.yState, quote) : undefined,
  });
  await createComment(db, actor(people.replier), briefing.id, {
    body: "Three with a review reads better to the ministers. I will change it after the call.",
    parentId: thread.threadId,
  });
  return { id: briefing.id, created: true };
}
