"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { WebsocketProvider } from "y-websocket";
import { decodeCommentNotice, MESSAGE_COMMENTS } from "@/lib/collab/protocol";
import { loadThreads } from "@/lib/comments/actions";
import type { ThreadView } from "@/lib/comments/queries";

export type CommentsState = {
  /** null while the first load runs. */
  threads: ThreadView[] | null;
  error: string | null;
  refresh: () => void;
};

/**
 * The briefing's threads, kept current: loaded on mount and on every (re)connection of the
 * collaboration socket (so nothing missed while offline stays missing), and again whenever the
 * server pushes a comment notice. Loads never overlap; one that is asked for while another runs
 * follows it.
 */
export function useComments(briefingId: string, provider: WebsocketProvider): CommentsState {
  const [threads, setThreads] = useState<ThreadView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const running = useRef(false);
  const again = useRef(false);

  const refresh = useCallback(() => {
    if (running.current) {
      again.current = true;
      return;
    }
    running.current = true;
    void (async () => {
      do {
        again.current = false;
        const result = await loadThreads({ briefingId }).catch(() => null);
        if (result?.ok) {
          setThreads(result.data);
          setError(null);
        } else {
          setError(result ? result.message : "Comments could not be loaded; retrying when the connection is back.");
        }
      } while (again.current);
      running.current = false;
    })();
  }, [briefingId]);

  useEffect(() => {
    refresh();
    const onSync = (synced: boolean) => {
      if (synced) refresh();
    };
    provider.on("sync", onSync);
    provider.messageHandlers[MESSAGE_COMMENTS] = (_encoder, decoder) => {
      if (decodeCommentNotice(decoder)) refresh();
    };
    return () => {
      provider.off("sync", onSync);
      delete provider.messageHandlers[MESSAGE_COMMENTS];
    };
  }, [provider, refresh]);

  return { threads, error, refresh };
}
