import { z } from "zod";
import { briefingId } from "@/lib/briefings/schema";

/** Budgets: what one comment, thread, briefing and user may take (each refusal says which). */
export const COMMENT_LIMITS = {
  bodyChars: 10_000,
  quoteChars: 2_000,
  threadsPerBriefing: 5_000,
  commentsPerThread: 500,
  mentionsPerComment: 50,
  /** Comment writes (create, edit, resolve, delete) per user and minute. */
  writesPerMinute: 60,
} as const;

const id = z.string().trim().min(1).max(64);

/** A Yjs relative position (Y.encodeRelativePosition) in base64: a few dozen bytes in practice. */
const relativePosition = z
  .string()
  .max(512, "must be at most 512 characters")
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, "must be base64");

/** Where a thread is anchored: the commented range as two Yjs relative positions. */
export const anchorSchema = z.object({ from: relativePosition, to: relativePosition }).strict();
export type CommentAnchor = z.infer<typeof anchorSchema>;

/** A comment body: plain text (never HTML) with mention tokens; trimmed, not empty. */
export const commentBody = z
  .string()
  .trim()
  .min(1, "Write a comment first.")
  .max(COMMENT_LIMITS.bodyChars, `Comments are at most ${COMMENT_LIMITS.bodyChars.toLocaleString("en")} characters.`);

/** POST /api/v1/briefings/:id/comments: a new thread (quote/anchor) or a reply (parentId). */
export const createCommentBody = z
  .object({
    body: commentBody,
    quote: z.string().max(COMMENT_LIMITS.quoteChars).optional(),
    anchor: anchorSchema.optional(),
    parentId: id.optional(),
  })
  .strict();
export type CreateCommentInput = z.infer<typeof createCommentBody>;

/** PATCH /api/v1/comments/:id: either a new body or a resolution. */
export const updateCommentBody = z.union([
  z.object({ body: commentBody }).strict(),
  z.object({ resolved: z.boolean() }).strict(),
]);
export type UpdateCommentInput = z.infer<typeof updateCommentBody>;

export const createCommentSchema = createCommentBody.extend({ briefingId });
export const editCommentSchema = z.object({ briefingId, commentId: id, body: commentBody });
export const resolveThreadSchema = z.object({ briefingId, commentId: id, resolved: z.boolean() });
export const deleteCommentSchema = z.object({ briefingId, commentId: id });
export const loadThreadSchema = z.object({ briefingId, threadId: id });
export const mentionSuggestionsSchema = z.object({ briefingId, query: z.string().trim().max(100) });
