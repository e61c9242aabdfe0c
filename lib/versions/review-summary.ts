import type { JSONContent } from "@tiptap/core";
import type { Node as PmNode } from "@tiptap/pm/model";
import { EditorState } from "@tiptap/pm/state";
import type { Db } from "@/lib/db";
import { editorSchema } from "@/lib/editor/schema";
import { listSuggestions, reviewSuggestion } from "@/lib/editor/suggestions/review";
import { loadVersionContent } from "./store";

/** Suggestions judged one by one per version; more are counted as resolved without judging. */
export const MAX_JUDGED = 200;

/** Suggestions pending in one version and gone in the next, by how they went. */
export type ReviewCount = { accepted: number; rejected: number; other: number };

function blockTexts(doc: PmNode): string[] {
  const texts: string[] = [];
  doc.descendants((node) => {
    if (!node.isTextblock) return true;
    texts.push(node.textContent.replace(/\u200B/g, ""));
    return false;
  });
  return texts;
}

/** The block texts of `a` that `b` does not have. */
function only(a: string[], b: string[]): string[] {
  const rest = [...b];
  return a.filter((text) => {
    const i = rest.indexOf(text);
    if (i < 0) return true;
    rest.splice(i, 1);
    return false;
  });
}

/**
 * How the suggestions pending in `before` and gone in `after` went. Each is judged by its own
 * paragraphs: accepting it alone and rejecting it alone give different block texts; whichever of
 * the two is found in `after` (and not the other) says which. A suggestion whose text was edited
 * again afterwards matches neither and counts as `other`. Pure.
 */
export function countReviewed(before: JSONContent, after: JSONContent): ReviewCount {
  const schema = editorSchema();
  const prev = schema.nodeFromJSON(before);
  const count: ReviewCount = { accepted: 0, rejected: 0, other: 0 };
  const pending = listSuggestions(prev);
  if (!pending.length) return count;
  const next = schema.nodeFromJSON(after);
  const still = new Set(listSuggestions(next).map((s) => s.id));
  const nextTexts = new Set(blockTexts(next));
  const state = EditorState.create({ schema, doc: prev });
  const resolved = pending.filter((s) => !still.has(s.id));
  // Each is judged by reviewing a copy of the document twice: past a budget, just counted.
  if (resolved.length > MAX_JUDGED) return { accepted: 0, rejected: 0, other: resolved.length };
  for (const s of resolved) {
    const accepted = blockTexts(reviewSuggestion(state, s.id, true)?.doc ?? prev);
    const rejected = blockTexts(reviewSuggestion(state, s.id, false)?.doc ?? prev);
    const asAccepted = only(accepted, rejected).some((text) => nextTexts.has(text));
    const asRejected = only(rejected, accepted).some((text) => nextTexts.has(text));
    if (asAccepted && !asRejected) count.accepted++;
    else if (asRejected && !asAccepted) count.rejected++;
    else count.other++;
  }
  return count;
}

const suggestions = (n: number) => `${n} suggestion${n === 1 ? "" : "s"}`;

/** "Accepted 3 suggestions, rejected 1 suggestion", or null when none was reviewed. */
export function reviewLabel({ accepted, rejected, other }: ReviewCount): string | null {
  const parts = [
    accepted ? `accepted ${suggestions(accepted)}` : "",
    rejected ? `rejected ${suggestions(rejected)}` : "",
    other ? `resolved ${suggestions(other)}${accepted || rejected ? " otherwise" : ""}` : "",
  ].filter(Boolean);
  if (!parts.length) return null;
  const text = parts.join(", ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The name an automatic version gets when suggestions were accepted or rejected since the latest
 * version ("Accepted 3 suggestions"), so reviewing shows in the history; null otherwise.
 */
export async function reviewName(db: Db, briefingId: string, current: JSONContent): Promise<string | null> {
  const last = await db.briefingVersion.findFirst({
    where: { briefingId },
    orderBy: { seq: "desc" },
    select: { id: true },
  });
  if (!last) return null;
  const before = await loadVersionContent(db, briefingId, last.id);
  if (!before) return null;
  return reviewLabel(countReviewed(before, current));
}
