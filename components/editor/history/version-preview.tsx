"use client";

import type { JSONContent } from "@tiptap/core";
import { useMemo } from "react";
import { Blocks, Source } from "@/components/share/briefing-document";
import type { ExportDocument } from "@/lib/export/types";
import { offlinePreviewContent } from "@/lib/versions/preview";
import "@/components/share/share.css";
import "./diff-view.css";

export type VersionPreviewProps = {
  /** "as of" line above the document, e.g. "Sent to Director · 4 Dec 2026, 16:02". */
  asOf?: string;
} & (
  | {
      /**
       * The version resolved on the server (`resolveContent(db, briefingId, json)` in
       * lib/export/document.ts): cards, comparison tables and numbered sources as exports show them.
       */
      content: Pick<ExportDocument, "blocks" | "sources">;
      json?: never;
    }
  | {
      /** The version's ProseMirror JSON, rendered without the server (see offlinePreviewContent). */
      json: JSONContent;
      content?: never;
    }
);

/**
 * A version of a briefing, read-only, rendered by the same components as the share page (so the
 * same node coverage as every export): pinned cards with their snapshot facts, i.e. as they were.
 */
export function VersionPreview(props: VersionPreviewProps) {
  const { json, content: resolved, asOf } = props;
  const content = useMemo(() => resolved ?? offlinePreviewContent(json ?? { type: "doc" }), [resolved, json]);
  return (
    <article
      className="shared-briefing version-preview"
      aria-label={asOf ? `Version as of ${asOf}` : "Version preview"}
    >
      {asOf ? <p className="version-preview__as-of">As of {asOf}</p> : null}
      <div className="shared-briefing__body" data-testid="version-preview-body">
        {content.blocks.length ? <Blocks blocks={content.blocks} /> : <p className="muted">This version is empty.</p>}
      </div>
      {content.sources.length ? (
        <section className="doc-sources" aria-label="Sources">
          <h2>Sources</h2>
          <ol>
            {content.sources.map((source) => (
              <Source key={source.n} source={source} />
            ))}
          </ol>
        </section>
      ) : null}
    </article>
  );
}
