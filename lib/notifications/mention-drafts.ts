import type { JSONContent } from "@tiptap/core";
import { prosemirrorJsonToText } from "@/lib/briefings/doc/content";
import { MENTION_NODE, mentionedUserIds } from "@/lib/editor/mention-text";
import type { NotificationDraft } from "./create";
import { MAX_RECIPIENTS_PER_EVENT } from "./kinds";

// Which @mentions in a briefing's newly derived content are new, without a database: the Yjs log
// works it out where it writes the content (in the briefing store's worker thread, which has no
// Prisma), and notifyDocumentMentions (document-mentions.ts) delivers the drafts.

/** The text of the first block that mentions each user (the notification's excerpt). */
function mentionContexts(doc: JSONContent, wanted: Set<string>): Map<string, string> {
  const contexts = new Map<string, string>();
  const stack: JSONContent[] = [doc];
  for (let node = stack.pop(); node && contexts.size < wanted.size; node = stack.pop()) {
    const children = node.content ?? [];
    for (const child of children) {
      const id = child.type === MENTION_NODE ? child.attrs?.id : undefined;
      if (typeof id === "string" && wanted.has(id) && !contexts.has(id)) {
        contexts.set(id, prosemirrorJsonToText({ type: "doc", content: [node] }));
      }
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return contexts;
}

function storedMentions(contentJson: string | null | undefined): Set<string> {
  if (!contentJson) return new Set();
  try {
    return mentionedUserIds(JSON.parse(contentJson) as JSONContent);
  } catch {
    return new Set();
  }
}

/**
 * The notifications for users mentioned in `next` (a briefing's newly derived JSON) and not in the
 * derived JSON stored so far (about to be replaced; `readStored` is called only when `next` mentions someone): `mentioned`, no thread, no
 * actor (the derived content merges everyone's edits), with the mentioning paragraph as excerpt.
 * Derived content is written debounced, not per keystroke, so a mention is notified once. Never
 * throws: a failure is logged and must not stop the content from being stored.
 */
export async function newMentionDrafts(
  briefingId: string,
  next: JSONContent,
  readStored: () => Promise<string | null>,
): Promise<NotificationDraft[]> {
  try {
    const after = mentionedUserIds(next);
    if (after.size === 0) return [];
    const before = storedMentions(await readStored());
    const added = new Set([...after].filter((id) => !before.has(id)).slice(0, MAX_RECIPIENTS_PER_EVENT));
    if (added.size === 0) return [];
    const contexts = mentionContexts(next, added);
    return [...added].map((userId) => ({ userId, kind: "mentioned", briefingId, excerpt: contexts.get(userId) ?? "" }));
  } catch (error) {
    console.error(`[notifications] document mentions of briefing ${briefingId}:`, error);
    return [];
  }
}
