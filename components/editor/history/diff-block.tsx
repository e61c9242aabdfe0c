import type { JSONContent } from "@tiptap/core";
import type { Ref } from "react";
import type { BlockChange, InlinePart } from "@/lib/versions/diff";
import { blockLabel, blockNoun } from "@/lib/versions/diff-notes";
import { blockRuns, isAtomBlock } from "@/lib/versions/diff-text";
import { ListParts, Parts, TableParts } from "./diff-parts";

/** The parts a block is shown with: a change's own, or the whole block as one kind. */
export function partsOf(change: BlockChange): InlinePart[] {
  if (change.kind === "change") return change.parts;
  const node = change.kind === "insert" ? change.to : change.from;
  const kind = change.kind === "same" ? "same" : change.kind;
  return blockRuns(node).map((run) =>
    run.marks.length ? { kind, text: run.text, marks: run.marks } : { kind, text: run.text },
  );
}

const HEADINGS = ["h3", "h4", "h5", "h6"] as const;

/** A block's content from its parts, shaped like the block (heading, list, table, quote...). */
export function BlockContent({ node, parts }: { node: JSONContent; parts: InlinePart[] }) {
  switch (node.type) {
    case "heading": {
      const Heading = HEADINGS[Number(node.attrs?.level ?? 1) - 1] ?? "h6";
      return (
        <Heading className="diff-heading">
          <Parts parts={parts} />
        </Heading>
      );
    }
    case "bulletList":
    case "orderedList":
      return <ListParts parts={parts} ordered={node.type === "orderedList"} />;
    case "table":
      return <TableParts parts={parts} />;
    case "blockquote":
      return (
        <blockquote className="diff-text">
          <Parts parts={parts} />
        </blockquote>
      );
    default:
      return (
        <p className="diff-text">
          <Parts parts={parts} />
        </p>
      );
  }
}

/** "Framework card: NATO (pinned)", or with what changed: "Framework card: NATO (changed: pinned → live)". */
export function EmbedSummary({ node, other, notes }: { node: JSONContent; other?: JSONContent; notes?: string[] }) {
  const label = blockLabel(node, other);
  const text = notes?.length ? `${label.replace(/ \((live|pinned)\)$/, "")} (changed: ${notes.join("; ")})` : label;
  return <p className="diff-embed">{text}</p>;
}

const BADGES: Record<Exclude<BlockChange["kind"], "same">, string> = {
  change: "Changed",
  insert: "Added",
  delete: "Removed",
};

function badgeOf(change: Exclude<BlockChange, { kind: "same" }>): string {
  if (change.kind === "insert" && change.movedFrom !== undefined) return "Moved here";
  if (change.kind === "delete" && change.movedTo !== undefined) return "Moved away";
  return BADGES[change.kind];
}

export type DiffBlockProps = {
  change: Exclude<BlockChange, { kind: "same" }>;
  /** Position among the changes (1-based) and how many there are, for its accessible name. */
  position: number;
  total: number;
  onRestoreBlock?: (change: BlockChange) => void;
  busy?: boolean;
  current: boolean;
  sectionRef?: Ref<HTMLElement>;
  onFocus: () => void;
};

/** One changed, added or removed block with its badge, notes and "Restore this paragraph" button. */
export function DiffBlock({
  change,
  position,
  total,
  onRestoreBlock,
  busy,
  current,
  sectionRef,
  onFocus,
}: DiffBlockProps) {
  const node = change.kind === "delete" ? change.from : change.to;
  const notes = change.kind === "change" ? change.notes : undefined;
  const badge = badgeOf(change);
  const noun = blockNoun(change.kind === "insert" ? change.to : change.from);
  const restorable =
    onRestoreBlock && change.kind !== "insert" && !(change.kind === "delete" && change.movedTo !== undefined);
  const atom = isAtomBlock(node);
  return (
    <section
      ref={sectionRef}
      className={`diff-block diff-block--${change.kind}${current ? " diff-block--current" : ""}`}
      aria-label={`Change ${position} of ${total}: ${badge.toLowerCase()} ${noun}`}
      tabIndex={-1}
      onFocus={onFocus}
      data-testid="diff-change"
    >
      <header className="diff-block__header">
        <span className={`diff-badge diff-badge--${change.kind}`}>{badge}</span>
        {notes?.length && !atom ? <span className="diff-block__notes">{notes.join("; ")}</span> : null}
        {restorable ? (
          <button
            type="button"
            className="link-button diff-block__restore"
            disabled={busy}
            onClick={() => onRestoreBlock(change)}
          >
            Restore this {noun}
          </button>
        ) : null}
      </header>
      <div className={change.kind === "change" ? "diff-block__body" : `diff-block__body diff-whole--${change.kind}`}>
        {atom ? (
          <EmbedSummary node={node} other={change.kind === "change" ? change.from : undefined} notes={notes} />
        ) : (
          <BlockContent node={node} parts={partsOf(change)} />
        )}
      </div>
    </section>
  );
}
