import { processWide } from "@/lib/process-wide";

/** What happened to a comment; the realtime channel, notifications and webhooks all read this. */
export type CommentEvent = {
  kind: "created" | "replied" | "edited" | "deleted" | "resolved" | "reopened";
  briefingId: string;
  threadId: string;
  commentId: string;
  actorId: string;
  /** Users mentioned in the comment's body (for "edited": everyone mentioned in it now). */
  mentionedUserIds: string[];
  /** Authors of the thread's comments, oldest first: the first is the thread's author. */
  threadParticipantIds: string[];
};

type Listener = (event: CommentEvent) => void;

// Shared by the Next bundle (actions and routes announce) and server/ (the collaboration server
// relays to open connections), which load separate copies of this module in one process.
const listeners = () => processWide("comment-listeners", () => new Set<Listener>());

/** Tells this process's listeners (the collaboration server's comment channel) about a comment write. */
export function announceCommentEvent(event: CommentEvent): void {
  for (const listener of listeners()) {
    try {
      listener(event);
    } catch (error) {
      console.error("[comments] listener failed:", error);
    }
  }
}

/** Subscribes to comment events announced in this process; returns the unsubscribe function. */
export function onCommentEvent(listener: Listener): () => void {
  listeners().add(listener);
  return () => listeners().delete(listener);
}
