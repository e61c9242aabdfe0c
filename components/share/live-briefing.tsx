"use client";

import { useEffect, useRef, useState } from "react";
import type { ExportDocument } from "@/lib/export/types";
import { BriefingDocument } from "./briefing-document";
import { InvalidLink } from "./invalid-link";

/** How often the page asks for changes; a revoked link stops working within this delay. */
export const SHARE_POLL_MS = 2_000;

export type LiveBriefingProps = { token: string; initial: { version: string; document: ExportDocument } };

type Status = "live" | "offline" | "invalid";

/**
 * The read-only briefing of a share link, kept current by polling the content endpoint every
 * SHARE_POLL_MS (only while the tab is visible). The server answers "unchanged" for the version
 * the page already has; a 404 or 410 means the link was revoked or expired: polling stops and the
 * page shows that the link is no longer valid.
 */
export function LiveBriefing({ token, initial }: LiveBriefingProps) {
  const [shared, setShared] = useState(initial);
  const [status, setStatus] = useState<Status>("live");
  const version = useRef(initial.version);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      if (document.visibilityState !== "hidden") {
        try {
          const query = new URLSearchParams({ since: version.current });
          const response = await fetch(`/api/share/${encodeURIComponent(token)}/content?${query}`, {
            cache: "no-store",
          });
          if (response.status === 404 || response.status === 410) {
            stopped = true;
            setStatus("invalid");
            return;
          }
          if (!response.ok) throw new Error(`HTTP ${response.status}`);
          const body = (await response.json()) as { version: string; document?: ExportDocument };
          if (body.document && body.version !== version.current) {
            version.current = body.version;
            setShared({ version: body.version, document: body.document });
          }
          setStatus("live");
        } catch {
          setStatus("offline");
        }
      }
      if (!stopped) timer = setTimeout(poll, SHARE_POLL_MS);
    };
    timer = setTimeout(poll, SHARE_POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [token]);

  if (status === "invalid") return <InvalidLink />;
  const download = (format: "pdf" | "docx") =>
    `/api/briefings/${encodeURIComponent(shared.document.briefingId)}/export?format=${format}&share=${encodeURIComponent(token)}`;
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
        </div>
      </div>
      <BriefingDocument document={shared.document} />
    </>
  );
}
