"use client";

import { useId } from "react";
import type { PageSize } from "@/lib/export/types";

/**
 * Choices of a download (sent as ?pageSize=, ?toc=, ?suggestions= and ?comments=, see
 * lib/export/access.ts). Comments are off by default: a file handed on should not carry the review
 * unless asked.
 */
export type ExportLayout = { pageSize: PageSize; toc: boolean; showSuggestions: boolean; comments: boolean };

export const DEFAULT_LAYOUT: ExportLayout = { pageSize: "a4", toc: true, showSuggestions: false, comments: false };

/** The query parameters of a layout: "toc=auto" (three headings or more) when ticked, "off" otherwise. */
export function layoutQuery(layout: ExportLayout): Record<string, string> {
  return {
    pageSize: layout.pageSize,
    toc: layout.toc ? "auto" : "off",
    ...(layout.showSuggestions ? { suggestions: "shown" } : {}),
    ...(layout.comments ? { comments: "1" } : {}),
  };
}

export type ExportOptionsProps = {
  value: ExportLayout;
  onChange: (value: ExportLayout) => void;
  /** Offer "Include comments" (the reader may read the briefing's comments). */
  canIncludeComments?: boolean;
};

/** Paper size (PDF), table of contents (PDF, Word, HTML) and comments, shown above the format list. */
export function ExportOptions({ value, onChange, canIncludeComments = false }: ExportOptionsProps) {
  const sizeId = useId();
  return (
    <fieldset className="export-options">
      <legend className="export-options__legend">Layout</legend>
      <label htmlFor={sizeId} className="export-options__row">
        Paper (PDF)
        <select
          id={sizeId}
          value={value.pageSize}
          onChange={(event) => onChange({ ...value, pageSize: event.target.value as PageSize })}
        >
          <option value="a4">A4</option>
          <option value="letter">US Letter</option>
        </select>
      </label>
      <label className="export-options__row">
        <input
          type="checkbox"
          checked={value.toc}
          onChange={(event) => onChange({ ...value, toc: event.target.checked })}
        />
        Table of contents
        <span className="export-menu__hint">PDF, Word and HTML, when there are 3 or more headings</span>
      </label>
      <label className="export-options__row">
        <input
          type="checkbox"
          checked={value.showSuggestions}
          data-testid="export-show-suggestions"
          onChange={(event) => onChange({ ...value, showSuggestions: event.target.checked })}
        />
        Show suggestions
        <span className="export-menu__hint">
          Word: tracked changes; others: marked inline. Off: the text as if all were accepted
        </span>
      </label>
      {canIncludeComments ? (
        <label className="export-options__row">
          <input
            type="checkbox"
            checked={value.comments}
            data-testid="export-include-comments"
            onChange={(event) => onChange({ ...value, comments: event.target.checked })}
          />
          Include comments
          <span className="export-menu__hint">Word comments in DOCX; marks and a Comments appendix otherwise</span>
        </label>
      ) : null}
    </fieldset>
  );
}
