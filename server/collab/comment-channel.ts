import { encodeCommentNotice } from "@/lib/collab/protocol";
import { type CommentEvent, onCommentEvent } from "@/lib/comments/events";
import type { CollabConnection } from "./connection";
import type { RoomFanout } from "./fanout";

const TOPIC = "comments";

export type CommentChannelOptions = {
  /** The server's open connections (read at each delivery). */
  connections: ReadonlySet<CollabConnection>;
  fanout: RoomFanout;
  onError: (error: unknown, context: string) => void;
};

/**
 * The comment plug-in of the collaboration server: comment writes announced in this process
 * (lib/comments/after-write.ts) and those relayed from other instances reach every open
 * connection of the briefing whose actor may read its comments, as a MESSAGE_COMMENTS notice.
 * Server -> client only: writes go through the actions and the API, which check permissions.
 * Returns the function that detaches it.
 */
export function attachCommentChannel({ connections, fanout, onError }: CommentChannelOptions): () => void {
  const deliver = (event: Pick<CommentEvent, "kind" | "briefingId" | "threadId" | "commentId" | "actorId">) => {
    const message = encodeCommentNotice(event);
    for (const connection of connections) {
      if (connection.room.id !== event.briefingId || !connection.user.readComments || connection.isClosing) continue;
      connection.send(message);
    }
  };
  const stopLocal = onCommentEvent((event) => {
    deliver(event);
    const { kind, briefingId, threadId, commentId, actorId } = event;
    fanout.publishNotice(TOPIC, JSON.stringify({ kind, briefingId, threadId, commentId, actorId }));
  });
  const stopRemote = fanout.onNotice(TOPIC, (payload) => {
    try {
      const event = JSON.parse(payload) as CommentEvent;
      if (typeof event.briefingId === "string") deliver(event);
    } catch (error) {
      onError(error, "comment notice from another instance");
    }
  });
  return () => {
    stopLocal();
    stopRemote();
  };
}
