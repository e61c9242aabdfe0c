import type { JSONContent } from "@tiptap/core";
import { prosemirrorJsonToText } from "@/lib/briefings/doc/content";
import type { Db } from "@/lib/db";
import { MENTION_NODE, mentionedUserIds } from "@/lib/editor/mention-text";
import { type NotificationDraft, notifyReaders } from "./create";
import { MAX_RECIPIENTS_PER_EVENT } from "./kinds";

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
 * THE server hook for @mentions in the document text. Call it with a briefing's newly derived
 * JSON just before that JSON is stored: it compares the mentioned user ids with the derived
 * content stored so far and notifies each newly mentioned user (`mentioned`, no thread) who may
 * read the briefing, with the mentioning paragraph as excerpt. Derived content is written
 * debounced, not per keystroke, and a user with an unread document mention of this briefing is
 * not notified again; so a mention is notified once. The actor is unknown here (the derived
 * content merges everyone's edits), so these notifications carry none. Never throws: a failure is
 * logged and must not stop the content from being stored.
 */
export async function notifyNewDocumentMentions(db: Db, briefingId: string, next: JSONContent): Promise<number> {
  try {
    const after = mentionedUserIds(next);
    if (after.size === 0) return 0;
    const row = await db.briefing.findUnique({ where: { id: briefingId }, select: { contentJson: true } });
    const before = storedMentions(row?.contentJson);
    const added = new Set([...after].filter((id) => !before.has(id)).slice(0, MAX_RECIPIENTS_PER_EVENT));
    if (added.size === 0) return 0;
    const contexts = mentionContexts(next, added);
    const drafts: NotificationDraft[] = [...added].map((userId) => ({
      userId,
      kind: "mentioned",
      briefingId,
      excerpt: contexts.get(userId) ?? "",
    }));
    return await notifyReaders(db, drafts);
  } catch (error) {
    console.error(`[notifications] document mentions of briefing ${briefingId}:`, error);
    return 0;
  }
}
