"use server";

import { defineAction } from "@/lib/actions";
import { getBriefingRole } from "@/lib/auth/permissions";
import { writeBriefingGrant } from "@/lib/briefings/grants";
import { AppError } from "@/lib/errors";
import { findTeammate, listMentionCandidates } from "./people";
import { listThreads } from "./queries";
import {
  createCommentSchema,
  deleteCommentSchema,
  editCommentSchema,
  mentionSuggestionsSchema,
  resolveThreadSchema,
  shareForMentionSchema,
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
  async ({ data, db, user }) => listMentionCandidates(db, data.briefingId, user.id, data.query),
);

/**
 * Gives a mentioned person who cannot read the briefing the commenter role, so the mention reaches
 * them; only for those who may share, and only for people the sharer could have been offered.
 */
export const shareWithMentioned = defineAction(
  { schema: shareForMentionSchema, permission: (d) => ({ action: "briefing:share", briefingId: d.briefingId }) },
  async ({ data, db, user }) => {
    const person = await findTeammate(db, user.id, data.userId);
    if (!person) throw new AppError("not_found", "That person is not in any of your teams.");
    // Never lowers a role: someone who can read it already keeps what they have.
    if (!(await getBriefingRole(db, person.id, data.briefingId))) {
      await writeBriefingGrant(db, { briefingId: data.briefingId, email: person.email, role: "commenter" });
    }
    return { name: person.name };
  },
);
