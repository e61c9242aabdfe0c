import type { JSONContent } from "@tiptap/core";
import { computeMarking, isReleasable, type Portion, portionLabel } from "./compute";
import { isPortionType, PORTION_ATTRIBUTE } from "./portion";
import type { MarkingProfile } from "./profile-schema";

const LABELS: Record<string, string> = {
  paragraph: "Paragraph",
  heading: "Heading",
  listItem: "List item",
  table: "Table",
  frameworkCard: "Framework card",
  comparison: "Comparison",
};

function textOf(node: JSONContent): string {
  if (typeof node.text === "string") return node.text;
  return (node.content ?? []).map(textOf).join(" ");
}

function placeOf(node: JSONContent, n: number): string {
  const text = textOf(node).replace(/\s+/g, " ").trim();
  const title = node.type === "frameworkCard" ? String(node.attrs?.slug ?? "") : text;
  const excerpt = title.length > 40 ? `${title.slice(0, 40)}…` : title;
  return `${LABELS[node.type ?? ""] ?? "Block"} ${n}${excerpt ? ` (“${excerpt}”)` : ""}`;
}

/** Calls `visit` on every portion node of a document, in order (outermost markable blocks). */
function walkPortions(doc: JSONContent, visit: (node: JSONContent, where: string) => void): void {
  let n = 0;
  const walk = (node: JSONContent) => {
    if (isPortionType(node.type)) {
      n += 1;
      visit(node, placeOf(node, n));
      return;
    }
    for (const child of node.content ?? []) walk(child);
  };
  walk(doc);
}

function toPortion(node: JSONContent, where: string): Portion {
  const mark = node.attrs?.[PORTION_ATTRIBUTE];
  return { mark: typeof mark === "string" && mark ? mark : null, card: node.type === "frameworkCard", where };
}

/** The portions of a document (ProseMirror JSON), in order. */
export function portionsOf(doc: JSONContent): Portion[] {
  const out: Portion[] = [];
  walkPortions(doc, (node, where) => out.push(toPortion(node, where)));
  return out;
}

/**
 * A copy of the document keeping only the portions releasable to `recipient` (containers left
 * empty are dropped too); `withheld` counts the portions left out.
 */
export function filterForRelease(
  profile: MarkingProfile,
  doc: JSONContent,
  recipient: string,
): { doc: JSONContent; withheld: number } {
  let withheld = 0;
  const filter = (node: JSONContent): JSONContent | null => {
    if (isPortionType(node.type)) {
      if (isReleasable(profile, toPortion(node, ""), recipient)) return node;
      withheld += 1;
      return null;
    }
    if (!node.content) return node;
    const content = node.content.map(filter).filter((c): c is JSONContent => c !== null);
    // A list or quote whose every portion was withheld goes too.
    if (content.length === 0 && node.content.length > 0 && node.type !== "doc") return null;
    return { ...node, content };
  };
  const filtered = filter(doc) ?? { type: "doc", content: [] };
  return { doc: filtered, withheld };
}

function prefixText(label: string): JSONContent {
  return { type: "text", text: `${label} ` };
}

/**
 * A copy of the document with each portion's mark printed at its start, as marked documents are
 * read: "(S) text" for text blocks and list items, a "(S)" line before tables, cards and comparisons.
 */
export function withPortionLabels(profile: MarkingProfile, doc: JSONContent): JSONContent {
  const label = (node: JSONContent) => {
    const mark = node.attrs?.[PORTION_ATTRIBUTE];
    if (typeof mark === "string" && mark) return portionLabel(profile, mark);
    return node.type === "frameworkCard" ? portionLabel(profile, profile.levels[0]?.code) : "";
  };
  const walk = (node: JSONContent): JSONContent[] => {
    if (isPortionType(node.type)) {
      const text = label(node);
      if (!text) return [node];
      if (node.type === "paragraph" || node.type === "heading") {
        return [{ ...node, content: [prefixText(text), ...(node.content ?? [])] }];
      }
      if (node.type === "listItem") {
        const [first, ...rest] = node.content ?? [];
        if (first?.type === "paragraph") {
          return [{ ...node, content: [{ ...first, content: [prefixText(text), ...(first.content ?? [])] }, ...rest] }];
        }
        return [{ ...node, content: [{ type: "paragraph", content: [prefixText(text)] }, ...(node.content ?? [])] }];
      }
      return [{ type: "paragraph", content: [{ type: "text", text, marks: [{ type: "bold" }] }] }, node];
    }
    if (!node.content) return [node];
    return [{ ...node, content: node.content.flatMap(walk) }];
  };
  return walk(doc)[0] ?? doc;
}

/** The computed marking of a document under a profile. */
export function markingOf(profile: MarkingProfile, doc: JSONContent) {
  return computeMarking(profile, portionsOf(doc));
}
