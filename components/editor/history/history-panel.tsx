"use client";

import type { JSONContent } from "@tiptap/core";
import { useCallback, useEffect, useState } from "react";
import { Modal } from "@/components/ui/modal";
import type { BlockChange, DocumentDiff } from "@/lib/versions/diff";
import type { Person, VersionSummary } from "@/lib/versions/service";
import { historyApi } from "./api";
import { DiffView } from "./diff-view";
import { NameVersionForm } from "./name-version-form";
import { ShareVersion } from "./share-version";
import { VersionList, versionTitle } from "./version-list";
import { VersionPreview } from "./version-preview";
import "./history.css";

export type HistoryPanelProps = { briefingId: string; canEdit: boolean; onClose: () => void };

type View =
  | { state: "loading" }
  | { state: "error"; message: string }
  | { state: "preview"; content: JSONContent }
  | { state: "diff"; diff: DocumentDiff; authors: Person[] };

const EXPORTS = [
  ["pdf", "PDF"],
  ["docx", "Word"],
  ["md", "Markdown"],
  ["html", "HTML"],
] as const;

/**
 * Version history of a briefing: the versions (named ones first-class), a read-only preview of
 * any of them, a comparison with another version or with now, restore (whole or one block, after
 * confirming) and naming the current document. Everything goes through /api/v1 (historyApi).
 */
export function HistoryPanel({ briefingId, canEdit, onClose }: HistoryPanelProps) {
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [compareTo, setCompareTo] = useState<"none" | "current" | string>("none");
  const [view, setView] = useState<View>({ state: "loading" });
  const [confirming, setConfirming] = useState(false);
  const [sharing, setSharing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  /** What "Propose these changes" left out, one sentence per block. */
  const [skipped, setSkipped] = useState<string[]>([]);
  /** Bumped after a restore: the view is loaded again even when the selection did not change. */
  const [epoch, setEpoch] = useState(0);

  const reload = useCallback(async () => {
    try {
      const { versions } = await historyApi.list(briefingId);
      setVersions(versions);
      setListError(null);
      return versions;
    } catch (error) {
      setListError((error as Error).message);
      return null;
    }
  }, [briefingId]);

  useEffect(() => {
    void reload().then((list) => {
      if (list?.[0]) setSelectedId((current) => current ?? list[0]!.id);
    });
  }, [reload]);

  const selected = versions?.find((v) => v.id === selectedId) ?? null;

  useEffect(() => {
    if (!selectedId) return;
    void epoch;
    let live = true;
    setView({ state: "loading" });
    setConfirming(false);
    setSharing(false);
    const load =
      compareTo === "none"
        ? historyApi.content(briefingId, selectedId).then((r) => ({ state: "preview", content: r.content }) as const)
        : historyApi
            .diff(briefingId, selectedId, compareTo)
            .then((r) => ({ state: "diff", diff: r.diff, authors: r.authors }) as const);
    load.then(
      (next) => live && setView(next),
      (error: Error) => live && setView({ state: "error", message: error.message }),
    );
    return () => {
      live = false;
    };
  }, [briefingId, selectedId, compareTo, epoch]);

  const restore = async (block?: BlockChange) => {
    if (!selected) return;
    setBusy(true);
    setNotice(null);
    setSkipped([]);
    try {
      const ref = block
        ? { from: "fromIndex" in block ? block.fromIndex : null, to: "toIndex" in block ? block.toIndex : null }
        : undefined;
      const { version } = await historyApi.restore(briefingId, selected.id, ref);
      setNotice(`${version.name ?? "Restored"}. The previous text stays in the history.`);
      setConfirming(false);
      await reload();
      // Show what the document now is, compared with the version restored from.
      setCompareTo("current");
      setEpoch((n) => n + 1);
    } catch (error) {
      setNotice((error as Error).message);
    } finally {
      setBusy(false);
    }
  };

  /** "Propose these changes": the diff shown (selected -> compareTo) as the user's suggestions. */
  const propose = async () => {
    if (!selected || compareTo === "none" || compareTo === "current") return;
    setBusy(true);
    setNotice(null);
    setSkipped([]);
    try {
      const { proposed, skipped } = await historyApi.propose(briefingId, selected.id, compareTo);
      setNotice(
        proposed
          ? `${proposed === 1 ? "1 change is" : `${proposed} changes are`} now your suggestions in the document: review them in the Suggestions panel.`
          : "Nothing was proposed.",
      );
      setSkipped(skipped);
    } catch (error) {
      setNotice((error as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const others = (versions ?? []).filter((v) => v.id !== selectedId);
  return (
    <Modal title="Version history" onClose={onClose}>
      <div className="history" data-testid="history-panel">
        <aside className="history__side">
          {canEdit ? (
            <NameVersionForm briefingId={briefingId} onNamed={(v) => reload().then(() => setSelectedId(v.id))} />
          ) : null}
          {listError ? (
            <p className="notice notice--warning" role="alert">
              Could not load the history: {listError}{" "}
              <button type="button" className="button button--small button--secondary" onClick={() => void reload()}>
                Try again
              </button>
            </p>
          ) : versions === null ? (
            <p className="muted">Loading versions…</p>
          ) : versions.length === 0 ? (
            <p className="muted" data-testid="history-empty">
              No versions yet. Versions are made while the briefing is edited, and when you name one.
            </p>
          ) : (
            <VersionList versions={versions} selectedId={selectedId} onSelect={setSelectedId} />
          )}
        </aside>
        <section className="history__main" aria-live="polite">
          {notice ? (
            <div className="notice" role="status" data-testid="history-notice">
              <p>{notice}</p>
              {skipped.length ? (
                <ul data-testid="history-skipped">
                  {skipped.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              ) : null}
            </div>
          ) : null}
          {selected ? (
            <>
              <div className="history__toolbar">
                <h3 className="history__title">{versionTitle(selected)}</h3>
                <label className="history__compare">
                  Show{" "}
                  <select value={compareTo} onChange={(e) => setCompareTo(e.target.value)} aria-label="Show">
                    <option value="none">this version</option>
                    <option value="current">changes from this version to now</option>
                    {others.map((v) => (
                      <option key={v.id} value={v.id}>
                        changes to {versionTitle(v)}
                      </option>
                    ))}
                  </select>
                </label>
                <span className="history__exports">
                  Export:{" "}
                  {EXPORTS.map(([format, label]) => (
                    <a key={format} href={historyApi.exportUrl(briefingId, selected.id, format)} download>
                      {label}
                    </a>
                  ))}
                </span>
                {canEdit && !sharing ? (
                  <button
                    type="button"
                    className="button button--small button--secondary"
                    onClick={() => setSharing(true)}
                  >
                    Share this version
                  </button>
                ) : null}
                {canEdit && compareTo !== "none" && compareTo !== "current" && view.state === "diff" ? (
                  <button
                    type="button"
                    className="button button--small button--secondary"
                    onClick={() => void propose()}
                    disabled={busy}
                    title="Apply these changes to the current document as your suggestions, for review"
                  >
                    {busy ? "Proposing…" : "Propose these changes"}
                  </button>
                ) : null}
                {canEdit && !confirming ? (
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => setConfirming(true)}
                    disabled={busy}
                  >
                    Restore this version
                  </button>
                ) : null}
              </div>
              {sharing ? (
                <ShareVersion briefingId={briefingId} version={selected} onClose={() => setSharing(false)} />
              ) : null}
              {confirming ? (
                <div className="notice history__confirm" role="alertdialog" aria-label="Confirm restore">
                  <p>
                    Restore {versionTitle(selected)}? It becomes a new change on top of the current text, which stays in
                    the history; people editing now see it at once.
                  </p>
                  <button type="button" className="button button--small" onClick={() => void restore()} disabled={busy}>
                    {busy ? "Restoring…" : "Restore"}
                  </button>{" "}
                  <button
                    type="button"
                    className="button button--small button--secondary"
                    onClick={() => setConfirming(false)}
                    disabled={busy}
                  >
                    Cancel
                  </button>
                </div>
              ) : null}
              <HistoryView
                view={view}
                briefingId={briefingId}
                label={versionTitle(selected)}
                onRestoreBlock={canEdit && compareTo === "current" ? (change) => void restore(change) : undefined}
                busy={busy}
              />
            </>
          ) : versions?.length ? (
            <p className="muted">Choose a version.</p>
          ) : null}
        </section>
      </div>
    </Modal>
  );
}

type HistoryViewProps = {
  view: View;
  briefingId: string;
  label: string;
  onRestoreBlock?: (change: BlockChange) => void;
  busy: boolean;
};

function HistoryView({ view, briefingId, label, onRestoreBlock, busy }: HistoryViewProps) {
  if (view.state === "loading") return <p className="muted">Loading…</p>;
  if (view.state === "error") {
    return (
      <p className="notice notice--warning" role="alert">
        {view.message}
      </p>
    );
  }
  if (view.state === "preview") return <VersionPreview briefingId={briefingId} content={view.content} label={label} />;
  return <DiffView diff={view.diff} authors={view.authors} onRestoreBlock={onRestoreBlock} busy={busy} />;
}
