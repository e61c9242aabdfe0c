import { authorizeBriefing } from "@/lib/auth/permissions";
import { getThread, listThreads, type ThreadView } from "@/lib/comments/queries";
import type { CreateCommentInput, UpdateCommentInput } from "@/lib/comments/schema";
import { createComment, deleteComment, editComment, setThreadResolved } from "@/lib/comments/service";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { auditApiWrite } from "./audit";
import type { ApiCaller } from "./caller";

/** A comment id from the path; a malformed one is simply not found. */
export function parseCommentId(raw: string | undefined): string {
  if (!raw || raw.length > 64 || !/^[A-Za-z0-9_-]+$/.test(raw)) throw new AppError("not_found", "No such comment.");
  return raw;
}

/** GET /api/v1/briefings/:id/comments: every thread with its replies and audit. */
export async function apiListComments(
  db: Db,
  caller: ApiCaller,
  briefingId: string,
): Promise<{ threads: ThreadView[] }> {
  await authorizeBriefing(db, caller.actor, briefingId, "read-comments");
  return { threads: await listThreads(db, briefingId) };
}

/** POST /api/v1/briefings/:id/comments: a new thread, or a reply with `parentId`. */
export async function apiCreateComment(db: Db, caller: ApiCaller, briefingId: string, input: CreateCommentInput) {
  const created = await createComment(db, caller.actor, briefingId, input);
  await auditApiWrite(db, caller, { action: input.parentId ? "comment.reply" : "comment.create", target: created.id });
  return { id: created.id, threadId: created.threadId, thread: await getThread(db, briefingId, created.threadId) };
}

/** PATCH /api/v1/comments/:id: `{ body }` edits one's own comment, `{ resolved }` resolves or reopens its thread. */
export async function apiUpdateComment(db: Db, caller: ApiCaller, commentId: string, input: UpdateCommentInput) {
  const target =
    "body" in input
      ? await editComment(db, caller.actor, commentId, input.body)
      : await setThreadResolved(db, caller.actor, commentId, input.resolved);
  const action = "body" in input ? "comment.edit" : input.resolved ? "comment.resolve" : "comment.reopen";
  await auditApiWrite(db, caller, { action, target: commentId });
  return { thread: await getThread(db, target.briefingId, target.threadId) };
}

/** DELETE /api/v1/comments/:id: one's own comment, or anyone's for the briefing's owner. */
export async function apiDeleteComment(db: Db, caller: ApiCaller, commentId: string): Promise<void> {
  await deleteComment(db, caller.actor, commentId);
  await auditApiWrite(db, caller, { action: "comment.delete", target: commentId });
}
