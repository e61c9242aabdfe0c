"use client";

import { useId } from "react";
import type { PageSize } from "@/lib/export/types";

/** Layout choices of a download (sent as ?pageSize=, ?toc= and ?suggestions=, see lib/export/access.ts). */
export type ExportLayout = { pageSize: PageSize; toc: boolean; showSuggestions: boolean };

export const DEFAULT_LAYOUT: ExportLayout = { pageSize: "a4", toc: true, showSuggestions: false };

/** The query parameters of a layout: "toc=auto" (three headings or more) when ticked, "off" otherwise. */
export function layoutQuery(layout: ExportLayout): Record<string, string> {
  return {
    pageSize: layout.pageSize,
    toc: layout.toc ? "auto" : "off",
    ...(layout.showSuggestions ? { suggestions: "shown" } : {}),
  };
}

export type ExportOptionsProps = { value: ExportLayout; onChange: (value: ExportLayout) => void };

/** Paper size (PDF) and table of contents (PDF, Word, HTML), shown above the format list. */
export function ExportOptions({ value, onChange }: ExportOptionsProps) {
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
    </fieldset>
  );
}
