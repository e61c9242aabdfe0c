"use client";

import { useEffect, useId, useRef, useState } from "react";
import { useSaveStatus } from "@/components/editor/save-status-store";
import type { ExportFormat } from "@/lib/export/types";
import { fileNameFrom, readWithProgress, saveBlob } from "./download";
import { DEFAULT_LAYOUT, type ExportLayout, ExportOptions, layoutQuery } from "./export-options";
import { UnsavedExportWarning } from "./unsaved-export-warning";
import "@/components/share/share.css";

const FORMATS: { format: ExportFormat; label: string; hint: string }[] = [
  { format: "pdf", label: "PDF", hint: "Print-ready, with title page and page numbers" },
  { format: "docx", label: "Word (DOCX)", hint: "Editable in Word or LibreOffice" },
  { format: "md", label: "Markdown", hint: "For wikis and repositories" },
  { format: "html", label: "HTML", hint: "One self-contained web page" },
];

export type ExportMenuProps = {
  briefingId: string;
  /** Download through a share link instead of the signed-in session. */
  shareToken?: string;
  /** Countries and groups a release copy may be made for (the briefing's marking profile; editors only). */
  release?: { code: string; name: string }[];
  /** Offer "Include comments": the reader may read the briefing's comments. */
  canIncludeComments?: boolean;
};

type Progress = { label: string; received: number; total: number } | null;
/** An export held back because the editor has changes the server has not stored yet. */
type Held = { format: ExportFormat; label: string; waiting: boolean } | null;

/**
 * The Export menu: fetches the chosen format from the export endpoint (so failures can be shown
 * here rather than as a broken download), shows progress, then saves the file.
 */
export function ExportMenu({ briefingId, shareToken, release, canIncludeComments = false }: ExportMenuProps) {
  const [open, setOpen] = useState(false);
  const [progress, setProgress] = useState<Progress>(null);
  const [error, setError] = useState<string | null>(null);
  const [held, setHeld] = useState<Held>(null);
  const [layout, setLayout] = useState<ExportLayout>(DEFAULT_LAYOUT);
  const [releaseTo, setReleaseTo] = useState("");
  // The export is made from the server's copy: changes not stored yet are not in it.
  const saveStatus = useSaveStatus(briefingId);
  const unsaved = saveStatus !== null && saveStatus !== "saved" && saveStatus !== "read-only";
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    root.current?.querySelector<HTMLButtonElement>("[role=menuitem]")?.focus();
    const close = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    return () => document.removeEventListener("mousedown", close);
  }, [open]);

  useEffect(() => {
    if (!held?.waiting || unsaved) return;
    setHeld(null);
    void download(held.format, held.label);
  });

  function choose(format: ExportFormat, label: string) {
    if (!unsaved) return void download(format, label);
    setOpen(false);
    setHeld({ format, label, waiting: false });
  }

  async function download(format: ExportFormat, label: string) {
    setOpen(false);
    setError(null);
    setProgress({ label, received: 0, total: 0 });
    try {
      const query = new URLSearchParams({
        format,
        ...layoutQuery(layout),
        ...(releaseTo ? { releaseTo } : {}),
        ...(shareToken ? { share: shareToken } : {}),
      });
      const response = await fetch(`/api/briefings/${encodeURIComponent(briefingId)}/export?${query}`, {
        cache: "no-store",
      });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        throw new Error(body?.error?.message ?? `The server answered ${response.status}.`);
      }
      const total = Number(response.headers.get("content-length")) || 0;
      const blob = await readWithProgress(response, (received) => setProgress({ label, received, total }));
      saveBlob(blob, fileNameFrom(response.headers.get("content-disposition")) ?? `briefing.${format}`);
    } catch (cause) {
      const reason =
        cause instanceof Error && cause.message !== "Failed to fetch"
          ? cause.message
          : "The server could not be reached.";
      setError(`The ${label} export failed: ${reason}`);
    } finally {
      setProgress(null);
    }
  }

  function onKeyDown(event: React.KeyboardEvent) {
    if (event.key === "Escape") {
      setOpen(false);
      button.current?.focus();
      return;
    }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    event.preventDefault();
    const items = [...(root.current?.querySelectorAll<HTMLButtonElement>("[role=menuitem]") ?? [])];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    const next = (at + (event.key === "ArrowDown" ? 1 : -1) + items.length) % items.length;
    items[next]?.focus();
  }

  const percent = progress?.total ? Math.round((100 * progress.received) / progress.total) : null;
  return (
    <div className="export-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        disabled={progress !== null}
        onClick={() => setOpen((v) => !v)}
        onKeyDown={(event) => {
          if (event.key === "Escape") setOpen(false);
        }}
      >
        Export ▾
      </button>
      {open ? (
        // biome-ignore lint/a11y/noStaticElementInteractions: Escape closes the whole popover, options included.
        <div
          className="export-menu__list"
          onKeyDown={(event) => {
            if (event.key === "Escape") onKeyDown(event);
          }}
        >
          <ExportOptions value={layout} onChange={setLayout} canIncludeComments={canIncludeComments} />
          {release?.length ? <ReleaseSelect options={release} value={releaseTo} onChange={setReleaseTo} /> : null}
          <div role="menu" id={menuId} aria-label="Export formats" onKeyDown={onKeyDown}>
            {FORMATS.map(({ format, label, hint }) => (
              <button
                key={format}
                type="button"
                role="menuitem"
                className="export-menu__item"
                onClick={() => choose(format, label)}
              >
                {label}
                <span className="export-menu__hint">{hint}</span>
              </button>
            ))}
          </div>
        </div>
      ) : null}
      {held ? (
        <UnsavedExportWarning
          label={held.label}
          waiting={held.waiting}
          onWait={() => setHeld({ ...held, waiting: true })}
          onContinue={() => {
            setHeld(null);
            void download(held.format, held.label);
          }}
          onCancel={() => setHeld(null)}
        />
      ) : null}
      {progress ? (
        <p className="export-progress" role="status">
          <progress max={100} value={percent ?? undefined} aria-label={`${progress.label} export progress`} />
          {progress.received === 0
            ? `Preparing ${progress.label}…`
            : `Downloading ${progress.label}${percent === null ? "…" : ` ${percent}%`}`}
        </p>
      ) : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

type ReleaseSelectProps = {
  options: { code: string; name: string }[];
  value: string;
  onChange: (code: string) => void;
};

/** "For release to": a copy holding only the portions releasable to that country or group. */
function ReleaseSelect({ options, value, onChange }: ReleaseSelectProps) {
  const id = useId();
  return (
    <label htmlFor={id} className="export-options__row">
      For release to
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">Full copy (no release filter)</option>
        {options.map((o) => (
          <option key={o.code} value={o.code}>
            {o.name} ({o.code})
          </option>
        ))}
      </select>
    </label>
  );
}
