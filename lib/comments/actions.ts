"use server";

import { defineAction } from "@/lib/actions";
import { findMentionCandidates } from "@/lib/mentions/queries";
import { getThread, listThreads } from "./queries";
import {
  createCommentSchema,
  deleteCommentSchema,
  editCommentSchema,
  loadThreadSchema,
  mentionSuggestionsSchema,
  resolveThreadSchema,
} from "./schema";
import { createComment, deleteComment, editComment, setThreadResolved } from "./service";

// The comment panel's actions. Comments live in the database, not in the page: nothing to
// revalidate; every open editor hears of the change over the collaboration connection.

const comment = (d: { briefingId: string }) => ({ action: "briefing:comment" as const, briefingId: d.briefingId });

/** The thread list of a briefing (the panel loads it on every (re)connection). */
export const loadThreads = defineAction(
  {
    schema: deleteCommentSchema.pick({ briefingId: true }),
    permission: (d) => ({ action: "briefing:read-comments", briefingId: d.briefingId }),
  },
  async ({ data, db }) => listThreads(db, data.briefingId),
);

/**
 * One thread, or null when it is gone (the panel reloads only the thread a notice names: with
 * thousands of threads, every open panel reloading all of them for each comment is what was slow).
 */
export const loadThread = defineAction(
  {
    schema: loadThreadSchema,
    permission: (d) => ({ action: "briefing:read-comments", briefingId: d.briefingId }),
  },
  async ({ data, db }) => getThread(db, data.briefingId, data.threadId),
);

/** Starts a thread on a selection, or replies to one. */
export const addComment = defineAction(
  { schema: createCommentSchema, permission: comment },
  async ({ data, db, user }) => {
    const { briefingId, ...input } = data;
    return createComment(db, user, briefingId, input);
  },
);

/** Changes the text of one's own comment. */
export const updateCommentText = defineAction(
  { schema: editCommentSchema, permission: comment },
  async ({ data, db, user }) => {
    await editComment(db, user, data.commentId, data.body, data.briefingId);
    return null;
  },
);

/** Resolves or reopens a thread. */
export const resolveThread = defineAction(
  { schema: resolveThreadSchema, permission: comment },
  async ({ data, db, user }) => {
    await setThreadResolved(db, user, data.commentId, data.resolved, data.briefingId);
    return null;
  },
);

/** Deletes one's own comment (or anyone's, for the owner). */
export const removeComment = defineAction(
  { schema: deleteCommentSchema, permission: comment },
  async ({ data, db, user }) => {
    await deleteComment(db, user, data.commentId, data.briefingId);
    return null;
  },
);

/** People to suggest for an @mention in a comment. */
export const suggestMentions = defineAction(
  { schema: mentionSuggestionsSchema, permission: comment },
  async ({ data, db, user }) => (await findMentionCandidates(db, user, data.briefingId, data.query)).people,
);
