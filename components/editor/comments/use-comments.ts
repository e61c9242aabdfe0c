"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { WebsocketProvider } from "y-websocket";
import { decodeCommentNotice, MESSAGE_COMMENTS } from "@/lib/collab/protocol";
import { loadThread, loadThreads } from "@/lib/comments/actions";
import type { ThreadView } from "@/lib/comments/queries";

export type CommentsState = {
  /** null while the first load runs. */
  threads: ThreadView[] | null;
  error: string | null;
  refresh: () => void;
};

/** How long the comments wait for the collaboration socket before loading without it. */
const WITHOUT_SOCKET_MS = 3000;

/** `current` with the threads `ids` replaced by their reloaded state (null: gone), in list order. */
function merge(current: ThreadView[], ids: string[], loaded: (ThreadView | null)[]): ThreadView[] {
  const byId = new Map(ids.map((id, i) => [id, loaded[i] ?? null]));
  const next = current.flatMap((t) => {
    if (!byId.has(t.id)) return [t];
    const fresh = byId.get(t.id);
    byId.delete(t.id);
    return fresh ? [fresh] : [];
  });
  const added = [...byId.values()].filter((t): t is ThreadView => t !== null);
  if (!added.length) return next;
  // The list is oldest first, as listThreads orders it.
  const key = (t: ThreadView) => `${t.createdAt}\u0000${t.id}`;
  return [...next, ...added].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/**
 * The briefing's threads, kept current: loaded whole when the collaboration socket opens, and on
 * every reconnection (so nothing missed while offline stays missing); a comment notice reloads
 * only the thread it names (a briefing may hold thousands). Loads never overlap, so a result is
 * never older than one applied before it; what is asked for meanwhile follows.
 */
export function useComments(briefingId: string, provider: WebsocketProvider): CommentsState {
  const [threads, setThreads] = useState<ThreadView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const running = useRef(false);
  const wantAll = useRef(false);
  const wantThreads = useRef(new Set<string>());
  const loaded = useRef(false);

  const run = useCallback(() => {
    if (running.current) return;
    running.current = true;
    void (async () => {
      while (wantAll.current || wantThreads.current.size) {
        if (wantAll.current || !loaded.current) {
          wantAll.current = false;
          wantThreads.current.clear(); // the whole list covers them
          const result = await loadThreads({ briefingId }).catch(() => null);
          if (result?.ok) {
            loaded.current = true;
            setThreads(result.data);
            setError(null);
          } else {
            setError(result ? result.message : "Comments could not be loaded; retrying when the connection is back.");
          }
          continue;
        }
        const ids = [...wantThreads.current];
        wantThreads.current.clear();
        const results = await Promise.all(
          ids.map((threadId) => loadThread({ briefingId, threadId }).catch(() => null)),
        );
        if (results.some((r) => !r?.ok)) {
          wantAll.current = true; // something failed: the whole list, as on a reconnection
          continue;
        }
        const fresh = results.map((r) => (r?.ok ? r.data : null));
        setThreads((current) => (current ? merge(current, ids, fresh) : current));
      }
      running.current = false;
    })();
  }, [briefingId]);

  const refresh = useCallback(() => {
    wantAll.current = true;
    run();
  }, [run]);

  useEffect(() => {
    // The whole list once the collaboration socket is open, and again on every reconnection (a
    // notice sent while the socket was down never arrives). The server registers a connection for
    // notices before its socket opens, so a comment is either in a list asked for after that or
    // announced on the socket. Not at mount: a list of thousands of threads would compete with the
    // text being loaded, and be loaded twice. Without a collaboration connection the list still
    // comes, a little later.
    if (provider.wsconnected) refresh();
    const unconnected = setTimeout(() => {
      if (!loaded.current && !running.current) refresh();
    }, WITHOUT_SOCKET_MS);
    const onStatus = ({ status }: { status: string }) => {
      if (status === "connected") refresh();
    };
    provider.on("status", onStatus);
    provider.messageHandlers[MESSAGE_COMMENTS] = (_encoder, decoder) => {
      const notice = decodeCommentNotice(decoder);
      if (!notice) return;
      wantThreads.current.add(notice.threadId);
      run();
    };
    return () => {
      clearTimeout(unconnected);
      provider.off("status", onStatus);
      delete provider.messageHandlers[MESSAGE_COMMENTS];
    };
  }, [provider, refresh, run]);

  return { threads, error, refresh };
}
