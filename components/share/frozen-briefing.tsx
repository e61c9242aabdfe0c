import type { ThreadView } from "@/lib/comments/queries";
import type { SharedDocument } from "@/lib/shares/content";
import { BriefingDocument } from "./briefing-document";
import { SharedComments } from "./shared-comments";

export type FrozenBriefingProps = {
  token: string;
  shared: SharedDocument & { frozen: { label: string } };
  /** The threads as they stood at the version, for a link created "with comments" (null otherwise). */
  threads: ThreadView[] | null;
};

const FORMATS = [
  { format: "pdf", label: "Download PDF" },
  { format: "docx", label: "Download Word" },
  { format: "md", label: "Markdown" },
  { format: "html", label: "HTML" },
] as const;

/**
 * A share link bound to one version: that version, read-only and frozen (no live connection, no
 * polling: it never changes), under an "As of <name, time>" header. Its downloads are of the same
 * version (the export route reads the version from the link).
 */
export function FrozenBriefing({ token, shared, threads }: FrozenBriefingProps) {
  const download = (format: string, comments = false) =>
    `/api/briefings/${encodeURIComponent(shared.document.briefingId)}/export?format=${format}${comments ? "&comments=1" : ""}&share=${encodeURIComponent(token)}`;
  return (
    <>
      <div className="share-toolbar">
        <p className="live-status live-status--frozen" data-testid="share-as-of">
          <strong>{shared.frozen.label}</strong> · read-only; later edits do not appear here
        </p>
        <div className="share-toolbar__downloads">
          {FORMATS.map(({ format, label }) => (
            <a key={format} className="button button--secondary" href={download(format)} download>
              {label}
            </a>
          ))}
          {threads ? (
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
