import type { JSONContent } from "@tiptap/core";

/**
 * Human-readable names of blocks and of what changed about a block besides its words (type, heading
 * level, a card's framework or pinned/live mode, a comparison's title): shown by the diff view
 * and returned by the diff API, so both say the same thing.
 */

const str = (value: unknown) => (typeof value === "string" ? value : "");

/** The framework's name from a pinned card's snapshot JSON (null when absent or unreadable). */
function snapshotName(snapshot: unknown): string | null {
  if (typeof snapshot !== "string" || !snapshot) return null;
  try {
    const parsed = JSON.parse(snapshot) as { name?: unknown; acronym?: unknown };
    const acronym = str(parsed.acronym);
    return acronym || str(parsed.name) || null;
  } catch {
    return null;
  }
}

/**
 * A card's display name: its snapshot's acronym or name when pinned, else the name from `other`
 * (the same card on the other side of a diff) when that one is pinned, else its slug.
 */
export function cardName(node: JSONContent, other?: JSONContent): string {
  const sameFramework = other && str(other.attrs?.slug) === str(node.attrs?.slug);
  return (
    snapshotName(node.attrs?.snapshot) ??
    (sameFramework ? snapshotName(other.attrs?.snapshot) : null) ??
    (str(node.attrs?.slug) || "unnamed framework")
  );
}

function cardMode(node: JSONContent): string {
  return node.attrs?.mode === "pinned" ? "pinned" : "live";
}

const LABELS: Record<string, (node: JSONContent, other?: JSONContent) => string> = {
  paragraph: () => "Paragraph",
  heading: (node) => `Heading ${Number(node.attrs?.level ?? 1)}`,
  bulletList: () => "Bulleted list",
  orderedList: () => "Numbered list",
  blockquote: () => "Quote",
  table: () => "Table",
  horizontalRule: () => "Horizontal rule",
  frameworkCard: (node, other) => `Framework card: ${cardName(node, other)} (${cardMode(node)})`,
  comparison: (node) => `Comparison: ${str(node.attrs?.title) || "untitled"}`,
};

/**
 * "Paragraph", "Heading 2", "Framework card: NATO (pinned)", "Comparison: Alliances"... `other` is
 * the same block on the other side of a diff (a live card takes its name from its pinned self).
 */
export function blockLabel(node: JSONContent, other?: JSONContent): string {
  const label = node.type ? LABELS[node.type] : undefined;
  return label ? label(node, other) : (node.type ?? "Block");
}

/** The noun for a block in buttons and counts: "paragraph", "heading", "list", "table", "card"... */
export function blockNoun(node: JSONContent): string {
  switch (node.type) {
    case "paragraph":
    case "heading":
    case "table":
      return node.type;
    case "bulletList":
    case "orderedList":
      return "list";
    case "blockquote":
      return "quote";
    case "frameworkCard":
      return "card";
    case "comparison":
      return "comparison";
    case "horizontalRule":
      return "rule";
    default:
      return "block";
  }
}

function cardNotes(from: JSONContent, to: JSONContent): string[] {
  const notes: string[] = [];
  const slugFrom = str(from.attrs?.slug);
  const slugTo = str(to.attrs?.slug);
  if (slugFrom !== slugTo) notes.push(`framework ${cardName(from)} → ${cardName(to)}`);
  if (cardMode(from) !== cardMode(to)) notes.push(`${cardMode(from)} → ${cardMode(to)}`);
  else if (cardMode(to) === "pinned" && slugFrom === slugTo) {
    if (str(from.attrs?.pinnedAt) !== str(to.attrs?.pinnedAt)) notes.push("re-pinned");
    else if (str(from.attrs?.snapshot) !== str(to.attrs?.snapshot)) notes.push("pinned snapshot changed");
  }
  return notes;
}

function comparisonNotes(from: JSONContent, to: JSONContent): string[] {
  const notes: string[] = [];
  if (str(from.attrs?.comparisonId) !== str(to.attrs?.comparisonId)) notes.push("a different saved comparison");
  if (str(from.attrs?.title) !== str(to.attrs?.title)) {
    notes.push(`title “${str(from.attrs?.title)}” → “${str(to.attrs?.title)}”`);
  }
  return notes;
}

/**
 * What changed about a block apart from its text: "Paragraph → Heading 2", "Heading 2 → Heading 3",
 * "pinned → live", "framework NATO → EU", "numbering starts at 3"... Empty when only words changed.
 */
export function blockNotes(from: JSONContent, to: JSONContent): string[] {
  if (from.type === "frameworkCard" && to.type === "frameworkCard") return cardNotes(from, to);
  if (from.type === "comparison" && to.type === "comparison") return comparisonNotes(from, to);
  const notes: string[] = [];
  if (blockLabel(from) !== blockLabel(to)) notes.push(`${blockLabel(from)} → ${blockLabel(to)}`);
  if (to.type === "orderedList" && from.type === "orderedList") {
    const start = Number(to.attrs?.start ?? 1);
    if (Number(from.attrs?.start ?? 1) !== start) notes.push(`numbering starts at ${start}`);
  }
  return notes;
}
