"use client";

import type { JSONContent } from "@tiptap/core";
import type { BlockChange, DocumentDiff } from "@/lib/versions/diff";

// PLACEHOLDER: replaced by the version-diff branch at merge.

function text(node: JSONContent): string {
  if (node.text) return node.text;
  return (node.content ?? []).map(text).join("");
}

export type DiffViewProps = { diff: DocumentDiff; onRestoreBlock?: (change: BlockChange) => void; busy?: boolean };

/** Placeholder rendering of a document diff: one row per block, insertions and deletions marked. */
export function DiffView({ diff, onRestoreBlock, busy }: DiffViewProps) {
  return (
    <div data-testid="diff-view">
      {diff.blocks.map((change, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholder
        <div key={index} data-change={change.kind}>
          {change.kind === "same" && <p>{text(change.to)}</p>}
          {change.kind === "insert" && (
            <p>
              <ins>{text(change.to)}</ins>
            </p>
          )}
          {change.kind === "delete" && (
            <p>
              <del>{text(change.from)}</del>
            </p>
          )}
          {change.kind === "change" && (
            <p>
              {change.parts.map((part, i) =>
                part.kind === "insert" ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: placeholder
                  <ins key={i}>{part.text}</ins>
                ) : part.kind === "delete" ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: placeholder
                  <del key={i}>{part.text}</del>
                ) : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: placeholder
                  <span key={i}>{part.text}</span>
                ),
              )}
            </p>
          )}
          {change.kind !== "same" && onRestoreBlock && (
            <button type="button" disabled={busy} onClick={() => onRestoreBlock(change)}>
              Restore this block
            </button>
          )}
        </div>
      ))}
    </div>
  );
}
