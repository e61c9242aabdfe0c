"use client";

import { type KeyboardEvent, useCallback, useMemo, useRef, useState } from "react";
import type { BlockChange, DocumentDiff } from "@/lib/versions/diff";
import { blockNoun } from "@/lib/versions/diff-notes";
import { isAtomBlock } from "@/lib/versions/diff-text";
import { BlockContent, DiffBlock, EmbedSummary, partsOf } from "./diff-block";
import "./diff-view.css";

export type DiffViewProps = {
  diff: DocumentDiff;
  /**
   * Who changed the document between the two (every version in the range, plus unsaved-to-history
   * changes up to now). Per range: versions record their authors, not the blocks each touched.
   */
  authors?: { id: string; name: string }[];
  /** Called with a changed or removed block's change when its "Restore this …" button is pressed. */
  onRestoreBlock?: (change: BlockChange) => void;
  /** True while a restore runs: the restore buttons are disabled. */
  busy?: boolean;
};

type Same = Extract<BlockChange, { kind: "same" }>;
type Changed = Exclude<BlockChange, { kind: "same" }>;

/** What the diff shows in order: a change, an unchanged block kept visible, or a collapsed run. */
type Row =
  | { kind: "change"; change: Changed; position: number }
  | { kind: "same"; change: Same }
  | { kind: "collapsed"; id: number; changes: Same[] };

/** Unchanged runs this long or longer are folded behind a button; headings always stay visible. */
const COLLAPSE_AT = 2;

function rowsOf(blocks: BlockChange[]): Row[] {
  const rows: Row[] = [];
  let run: Same[] = [];
  let position = 0;
  const flush = () => {
    if (run.length >= COLLAPSE_AT) rows.push({ kind: "collapsed", id: run[0]!.toIndex, changes: run });
    else for (const change of run) rows.push({ kind: "same", change });
    run = [];
  };
  for (const change of blocks) {
    if (change.kind !== "same") {
      flush();
      rows.push({ kind: "change", change, position: ++position });
    } else if (change.to.type === "heading") {
      flush();
      rows.push({ kind: "same", change });
    } else run.push(change);
  }
  flush();
  return rows;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "12 unchanged paragraphs", or "12 unchanged blocks" when the run mixes kinds. */
function collapsedLabel(changes: Same[]): string {
  const nouns = new Set(changes.map((change) => blockNoun(change.to)));
  const noun = nouns.size === 1 ? [...nouns][0]! : "block";
  return `${plural(changes.length, `unchanged ${noun}`)}`;
}

function SameBlock({ change }: { change: Same }) {
  const node = change.to;
  return (
    <div className="diff-same">
      {isAtomBlock(node) ? <EmbedSummary node={node} /> : <BlockContent node={node} parts={partsOf(change)} />}
    </div>
  );
}

function isTyping(target: EventTarget): boolean {
  return (
    target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

/**
 * A read-only rendering of a DocumentDiff, block by block: insertions underlined and deletions
 * struck through (not colour alone; screen readers hear "inserted:" / "deleted:"), formatting
 * changes dotted, unchanged runs folded ("12 unchanged paragraphs", expandable) with headings kept
 * for orientation, a summary line, "Restore this paragraph" on changed and removed blocks, and
 * moving between changes with the Previous/Next buttons or the n / p keys.
 */
export function DiffView({ diff, authors, onRestoreBlock, busy }: DiffViewProps) {
  const rows = useMemo(() => rowsOf(diff.blocks), [diff]);
  const total = diff.blocks.length - diff.blocks.filter((b) => b.kind === "same").length;
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const [current, setCurrent] = useState(0);
  // Another diff (other versions compared): start again from the top, everything folded.
  const [shown, setShown] = useState(diff);
  if (shown !== diff) {
    setShown(diff);
    setExpanded(new Set());
    setCurrent(0);
  }
  const sections = useRef(new Map<number, HTMLElement>());

  const go = useCallback(
    (step: number) => {
      if (!total) return;
      const next = current === 0 ? (step > 0 ? 1 : total) : Math.min(total, Math.max(1, current + step));
      setCurrent(next);
      const section = sections.current.get(next);
      section?.focus({ preventScroll: true });
      section?.scrollIntoView({ block: "center", behavior: "smooth" });
    },
    [current, total],
  );

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
    if (event.key === "n" || event.key === "j") go(1);
    else if (event.key === "p" || event.key === "k") go(-1);
    else return;
    event.preventDefault();
  };

  const toggle = (id: number) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const { inserted, deleted, changedBlocks } = diff.stats;
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: n/p shortcuts for the buttons inside, from any focused child.
    <div className="diff-view" data-testid="diff-view" onKeyDown={onKeyDown}>
      <div className="diff-view__toolbar">
        <p className="diff-view__summary" role="status" data-testid="diff-stats">
          {total
            ? `${plural(inserted, "insertion")}, ${plural(deleted, "deletion")}, ${plural(changedBlocks, "block")} changed`
            : "No differences: the two versions are the same."}
        </p>
        {total && authors ? (
          <p className="diff-view__authors" data-testid="diff-authors">
            {authors.length
              ? `Changed in this range by ${authors.map((a) => a.name).join(", ")}`
              : "Who changed this was not recorded"}
            <span className="muted">
              {" "}
              (for the whole range: the history records authors per version, not per block)
            </span>
          </p>
        ) : null}
        {total ? (
          <div className="diff-view__nav">
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => go(-1)}
              aria-keyshortcuts="p"
            >
              Previous change
            </button>
            <span className="diff-view__position" aria-live="polite">
              {current ? `Change ${current} of ${total}` : plural(total, "change")}
            </span>
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => go(1)}
              aria-keyshortcuts="n"
            >
              Next change
            </button>
          </div>
        ) : null}
      </div>
      <div className="diff-view__body" data-testid="diff-body">
        {rows.map((row) => {
          if (row.kind === "change") {
            const key = `c${row.position}`;
            return (
              <DiffBlock
                key={key}
                change={row.change}
                position={row.position}
                total={total}
                onRestoreBlock={onRestoreBlock}
                busy={busy}
                current={row.position === current}
                sectionRef={(el) => {
                  if (el) sections.current.set(row.position, el);
                  else sections.current.delete(row.position);
                }}
                onFocus={() => setCurrent(row.position)}
              />
            );
          }
          if (row.kind === "same") return <SameBlock key={`s${row.change.toIndex}`} change={row.change} />;
          const open = expanded.has(row.id);
          return (
            <div key={`r${row.id}`} className="diff-collapsed">
              <button
                type="button"
                className="diff-collapsed__toggle"
                aria-expanded={open}
                onClick={() => toggle(row.id)}
              >
                {open ? `Hide ${collapsedLabel(row.changes)}` : `Show ${collapsedLabel(row.changes)}`}
              </button>
              {open ? row.changes.map((change) => <SameBlock key={change.toIndex} change={change} />) : null}
            </div>
          );
        })}
      </div>
    </div>
  );
}
