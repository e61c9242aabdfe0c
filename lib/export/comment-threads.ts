import type { JSONContent } from "@tiptap/core";
import * as Y from "yjs";
import { briefingJson } from "@/lib/briefings/doc/content";
import { loadCurrentContent } from "@/lib/briefings/doc/current";
import { applyStoredState, briefingLog } from "@/lib/briefings/doc/update-log";
import { threadsAsOf } from "@/lib/comments/as-of";
import { plainBody } from "@/lib/comments/mentions";
import { listThreads, type ThreadView } from "@/lib/comments/queries";
import type { Db } from "@/lib/db";
import { loadVersionDoc } from "@/lib/versions/store";
import { placeThreads } from "./comment-anchors";
import { displayDateTime } from "./text";
import type { ExportThread } from "./types";

const personName = (person: { name: string } | null) => person?.name ?? "Former member";

function exportThread(thread: ThreadView, n: number, placement: ExportThread["placement"]): ExportThread {
  const lastResolve = thread.activity.filter((a) => a.kind === "resolved").at(-1);
  return {
    n,
    quote: thread.quote ?? "",
    placement,
    resolved: thread.resolvedAt
      ? { by: lastResolve ? personName(lastResolve.actor) : null, at: displayDateTime(new Date(thread.resolvedAt)) }
      : null,
    comments: thread.comments.map((c) => ({
      author: personName(c.author),
      createdAt: c.createdAt,
      at: displayDateTime(new Date(c.createdAt)),
      body: c.deleted ? "" : plainBody(c.body),
      edited: c.editedAt !== null,
      deleted: c.deleted,
    })),
  };
}

/** The Y.Doc of a briefing's stored state, or null when it has none (content only in contentJson). */
async function loadYDoc(db: Db, briefingId: string): Promise<Y.Doc | null> {
  const state = await briefingLog(db).load(briefingId);
  if (!state || (!state.snapshot && !state.updates.length)) return null;
  const doc = new Y.Doc();
  applyStoredState(doc, state);
  return doc;
}

/**
 * A briefing's current content with its comment threads placed in it: the JSON is read from the
 * very Y.Doc the anchors are resolved in (so they agree), the covered text carries the export's
 * comment mark, and the threads are numbered in document order, then the orphaned ones. No
 * authorization here: callers check briefing:read-comments first. Null when there is no content.
 */
export async function loadCommentedContent(
  db: Db,
  briefingId: string,
): Promise<{ json: JSONContent; threads: ExportThread[] } | null> {
  const [ydoc, views] = await Promise.all([loadYDoc(db, briefingId), listThreads(db, briefingId)]);
  try {
    // loadCurrentContent's result is shared (cached): the fallback path copies it before marking.
    const json = ydoc
      ? briefingJson(ydoc, briefingId)
      : (structuredClone(await loadCurrentContent(db, briefingId)) as JSONContent | null);
    if (!json) return null;
    return { json, threads: placeAll(ydoc, json, views) };
  } finally {
    ydoc?.destroy();
  }
}

/**
 * A version's content with the threads placed in it as they stood at the version's time `at`
 * (threadsAsOf): anchors resolve in the version's own Y.Doc, whose items the live one shares.
 * Null when there is no such version. No authorization here (callers check read-comments).
 */
export async function loadVersionCommentedContent(
  db: Db,
  briefingId: string,
  versionId: string,
  at: Date,
): Promise<{ json: JSONContent; threads: ExportThread[] } | null> {
  const [ydoc, views] = await Promise.all([loadVersionDoc(db, briefingId, versionId), listThreads(db, briefingId)]);
  if (!ydoc) return null;
  try {
    const json = briefingJson(ydoc, briefingId);
    return { json, threads: placeAll(ydoc, json, threadsAsOf(views, at)) };
  } finally {
    ydoc.destroy();
  }
}

/** Marks the threads' text in `json` (changed in place) and numbers them in document order. */
function placeAll(ydoc: Y.Doc | null, json: JSONContent, views: ThreadView[]): ExportThread[] {
  const { numbers, places } = placeThreads(ydoc, json, views);
  return views
    .map((view) => {
      const place = places.get(view.id);
      const placement = place?.kind !== "range" ? "orphaned" : place.hasText ? "text" : "embed";
      return exportThread(view, numbers.get(view.id) ?? 0, placement);
    })
    .sort((a, b) => a.n - b.n);
}
