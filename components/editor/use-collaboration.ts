"use client";

import { useEffect, useState } from "react";
import { IndexeddbPersistence } from "y-indexeddb";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { describeClose } from "@/lib/collab/close-reasons";
import { collabProviderOptions } from "@/lib/collab/provider-options";
import { type AccessState, keepAuthenticated } from "@/lib/collab/reauth";
import { type SaveStatus, SaveStatusTracker } from "@/lib/collab/save-status";
import { collabUrl } from "@/lib/collab/url";
import { BRIEFING_FRAGMENT } from "@/lib/editor/fragment";
import { publishSaveStatus } from "./save-status-store";

/** The Yjs side of an open briefing: document, server connection, local copy and save status. */
export type CollabSession = {
  /** The briefing this session edits (embeds are resolved in its context). */
  briefingId: string;
  doc: Y.Doc;
  provider: WebsocketProvider;
  local: IndexeddbPersistence;
  tracker: SaveStatusTracker;
};

export type CollabState = {
  session: CollabSession | null;
  status: SaveStatus;
  /** The document has content to show: synced with the server once, or restored from this device. */
  ready: boolean;
  /** Changes made here that the server has not confirmed as stored yet. */
  unsaved: boolean;
  /** Opening: online but not synced with the server yet (shown instead of "Offline"). */
  connecting: boolean;
  /** The session expired (sign in again to keep saving) or access to the briefing was removed. */
  access: AccessState;
  /**
   * Why the server stopped taking this editor's changes (e.g. a change too large to save), in
   * words for the user; the connection stays closed until `reconnect`.
   */
  problem: string | null;
  reconnect: () => void;
};

/** True when this browser's session cookie is valid again (e.g. after signing in in another tab). */
async function sessionIsValid(): Promise<boolean> {
  const response = await fetch("/api/auth/get-session", { credentials: "same-origin", cache: "no-store" });
  return response.ok && (await response.json()) !== null;
}

/**
 * Opens a briefing's Yjs document: restored from IndexedDB (so edits made offline survive a
 * reload) and synced over y-websocket with the server, which merges both on reconnect. The
 * browser's offline/online events drop and re-open the socket at once instead of waiting for the
 * provider's 30-second silence timeout.
 */
export function useCollaboration(briefingId: string): CollabState {
  const [state, setState] = useState<CollabState>({
    session: null,
    status: "offline",
    ready: false,
    unsaved: false,
    connecting: true,
    access: "ok",
    problem: null,
    reconnect: () => {},
  });

  useEffect(() => {
    const doc = new Y.Doc();
    const local = new IndexeddbPersistence(`briefing:${briefingId}`, doc);
    const provider = new WebsocketProvider(collabUrl(), briefingId, doc, {
      connect: navigator.onLine,
      ...collabProviderOptions(WebSocket),
    });
    const tracker = new SaveStatusTracker(provider);
    const auth = keepAuthenticated(provider, { renew: sessionIsValid });
    const session: CollabSession = { briefingId, doc, provider, local, tracker };
    let ready = false;
    let dirty = false;
    let everSynced = false;
    let problem: string | null = null;
    const reconnect = () => {
      problem = null;
      provider.connect();
      publish();
    };

    const publish = () => {
      const status = tracker.status;
      if (status === "saved" || status === "read-only") dirty = false;
      const unsaved = status === "saving" || status === "unsaved" || (status === "offline" && dirty);
      const connecting = status === "offline" && !everSynced && navigator.onLine && !problem;
      publishSaveStatus(briefingId, status);
      setState({ session, status, ready, unsaved, connecting, access: auth.state, problem, reconnect });
    };
    // A close the client does not retry (see shouldReconnect): say why instead of "Offline".
    const onClosed = (event: { code: number; reason: string }) => {
      problem = describeClose(event.code, event.reason);
      publish();
    };
    const markReady = () => {
      if (ready) return;
      ready = true;
      publish();
    };
    // An empty local copy is not content: wait for the server then (typing into an empty
    // fragment would create a first paragraph next to the server's).
    local.whenSynced.then(() => {
      if (doc.getXmlFragment(BRIEFING_FRAGMENT).length > 0) markReady();
    });
    const onSync = (synced: boolean) => {
      if (!synced) return;
      everSynced = true;
      markReady();
      publish();
    };
    const onUpdate = (_update: Uint8Array, origin: unknown) => {
      if (origin === provider || origin === local) return;
      dirty = true;
      publish();
    };
    const goOffline = () => {
      provider.disconnect();
      publish();
    };
    const goOnline = () => {
      if (auth.state !== "ok") return auth.retryNow();
      provider.connect();
      publish();
    };
    const onFocus = () => auth.retryNow();

    provider.on("sync", onSync);
    provider.on("closed", onClosed);
    doc.on("update", onUpdate);
    const unsubscribe = tracker.subscribe(publish);
    const unsubscribeAuth = auth.subscribe(publish);
    window.addEventListener("offline", goOffline);
    window.addEventListener("online", goOnline);
    window.addEventListener("focus", onFocus);
    publish();

    return () => {
      window.removeEventListener("offline", goOffline);
      window.removeEventListener("online", goOnline);
      window.removeEventListener("focus", onFocus);
      unsubscribe();
      unsubscribeAuth();
      auth.destroy();
      doc.off("update", onUpdate);
      provider.off("sync", onSync);
      provider.off("closed", onClosed);
      publishSaveStatus(briefingId, null);
      tracker.destroy();
      provider.destroy();
      local.destroy();
      doc.destroy();
    };
  }, [briefingId]);

  return state;
}
