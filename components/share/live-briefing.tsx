"use client";

import { useEffect, useRef, useState } from "react";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { CLOSE, MESSAGE_COMMENTS } from "@/lib/collab/protocol";
import { collabUrl } from "@/lib/collab/url";
import type { ThreadView } from "@/lib/comments/queries";
import type { ExportDocument } from "@/lib/export/types";
import { BriefingDocument } from "./briefing-document";
import { InvalidLink } from "./invalid-link";
import { SharedComments } from "./shared-comments";

/** How often the page asks for changes while its live connection is down. */
const SHARE_POLL_MS = 5_000;
/** Edits arrive keystroke by keystroke: fetch the rendered briefing at most this often... */
const REFRESH_MS = 300;
/** ...and once more after the last edit, in case a fetch ran before the edit was stored. */
const TRAILING_REFRESH_MS = 1_500;

export type LiveBriefingProps = {
  token: string;
  initial: { version: string; document: ExportDocument };
  /** The threads, for a link created "with comments" (null otherwise). */
  initialThreads: ThreadView[] | null;
};

type Status = "live" | "offline" | "invalid";

/**
 * The read-only briefing of a share link, kept current over a read-only collaboration connection
 * (`/collab/<id>?share=<token>`): every change the team makes arrives there and triggers a fetch
 * of the rendered briefing (cards and matrices resolved by the server). Revoking or expiring the
 * link closes that connection (4403) and the page says the link is no longer valid. While the
 * connection is down the page polls the content endpoint instead (404/410 = invalid link).
 */
export function LiveBriefing({ token, initial, initialThreads }: LiveBriefingProps) {
  const [shared, setShared] = useState(initial);
  const [threads, setThreads] = useState(initialThreads);
  const showsComments = initialThreads !== null;
  const [status, setStatus] = useState<Status>("live");
  const version = useRef(initial.version);
  const briefingId = initial.document.briefingId;

  useEffect(() => {
    let stopped = false;
    let pollTimer: ReturnType<typeof setTimeout> | undefined;
    let refreshTimer: ReturnType<typeof setTimeout> | undefined;
    let trailingTimer: ReturnType<typeof setTimeout> | undefined;
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(collabUrl(), briefingId, doc, {
      params: { share: token },
      disableBc: true,
    });
    provider.awareness.setLocalState(null); // a link viewer is not shown to the editors
    // Comment notices reach this connection only when the link shows comments.
    const refreshComments = async () => {
      const response = await fetch(`/api/share/${encodeURIComponent(token)}/comments`, { cache: "no-store" });
      if (response.ok) setThreads(((await response.json()) as { threads: ThreadView[] }).threads);
    };
    if (showsComments) {
      provider.messageHandlers[MESSAGE_COMMENTS] = () => void refreshComments().catch(() => {});
    }

    const stop = () => {
      stopped = true;
      setStatus("invalid");
      provider.disconnect();
    };
    const refresh = async () => {
      try {
        const query = new URLSearchParams({ since: version.current });
        const response = await fetch(`/api/share/${encodeURIComponent(token)}/content?${query}`, {
          cache: "no-store",
        });
        if (response.status === 404 || response.status === 410) return stop();
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const body = (await response.json()) as { version: string; document?: ExportDocument };
        if (stopped) return;
        if (body.document && body.version !== version.current) {
          version.current = body.version;
          setShared({ version: body.version, document: body.document });
        }
        setStatus(provider.wsconnected ? "live" : "offline");
      } catch {
        if (!stopped) setStatus("offline");
      }
    };
    const scheduleRefresh = () => {
      if (stopped) return;
      clearTimeout(trailingTimer);
      trailingTimer = setTimeout(() => void refresh(), TRAILING_REFRESH_MS);
      if (refreshTimer) return;
      refreshTimer = setTimeout(() => {
        refreshTimer = undefined;
        void refresh();
      }, REFRESH_MS);
    };
    const poll = () => {
      if (stopped) return;
      if (!provider.wsconnected && document.visibilityState !== "hidden") void refresh();
      pollTimer = setTimeout(poll, SHARE_POLL_MS);
    };
    const onStatus = ({ status: next }: { status: string }) => {
      if (!stopped) setStatus(next === "connected" ? "live" : "offline");
    };
    const onClosed = ({ code }: { code: number }) => {
      if (code === CLOSE.accessRevoked) stop();
    };
    doc.on("update", scheduleRefresh);
    provider.on("status", onStatus);
    provider.on("closed", onClosed);
    pollTimer = setTimeout(poll, SHARE_POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(pollTimer);
      clearTimeout(refreshTimer);
      clearTimeout(trailingTimer);
      provider.off("status", onStatus);
      provider.off("closed", onClosed);
      provider.destroy();
      doc.destroy();
    };
  }, [token, briefingId, showsComments]);

  if (status === "invalid") return <InvalidLink />;
  // A link created "with comments" may download them too (the export route checks it again).
  const download = (format: "pdf" | "docx", comments = false) =>
    `/api/briefings/${encodeURIComponent(shared.document.briefingId)}/export?format=${format}${comments ? "&comments=1" : ""}&share=${encodeURIComponent(token)}`;
  return (
    <>
      <div className="share-toolbar">
        <p className={`live-status${status === "offline" ? " live-status--offline" : ""}`} role="status">
          {status === "live" ? "Read-only · updates live as the team edits" : "Connection lost · retrying…"}
        </p>
        <div className="share-toolbar__downloads">
          <a className="button button--secondary" href={download("pdf")} download>
            Download PDF
          </a>
          <a className="button button--secondary" href={download("docx")} download>
            Download Word
          </a>
          {showsComments ? (
            <a className="button button--secondary" href={download("docx", true)} download>
              Word with comments
            </a>
          ) : null}
        </div>
      </div>
      <BriefingDocument document={shared.document} />
      {threads ? <SharedComments threads={threads} /> : null}
    </>
  );
}
