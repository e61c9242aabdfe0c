"use client";

import type { Node as PmNode } from "@tiptap/pm/model";
import { type Editor, useEditorState } from "@tiptap/react";
import { type ComputedMarking, computeMarking, type Portion, portionLabel } from "@/lib/marking/compute";
import { PORTION_ATTRIBUTE } from "@/lib/marking/portion";
import type { MarkingProfile } from "@/lib/marking/profile-schema";
import { currentPortion, eachPortion } from "../portion-marks";

const NAMES: Record<string, string> = { listItem: "List item", frameworkCard: "Framework card", table: "Table" };

function portionsOfNode(doc: PmNode): Portion[] {
  const out: Portion[] = [];
  let n = 0;
  eachPortion(doc, (node) => {
    n += 1;
    const mark: unknown = node.attrs[PORTION_ATTRIBUTE];
    const name = NAMES[node.type.name] ?? node.type.name.charAt(0).toUpperCase() + node.type.name.slice(1);
    const text = node.textContent.trim();
    out.push({
      mark: typeof mark === "string" && mark ? mark : null,
      card: node.type.name === "frameworkCard",
      where: `${name} ${n}${text ? ` (“${text.length > 30 ? `${text.slice(0, 30)}…` : text}”)` : ""}`,
    });
  });
  return out;
}

/** The marking of the document as it is now (recomputed on every change). */
export function useLiveMarking(editor: Editor, profile: MarkingProfile | null): ComputedMarking | null {
  return useEditorState({
    editor,
    selector: ({ editor: e }) => (profile ? computeMarking(profile, portionsOfNode(e.state.doc)) : null),
    equalityFn: (a, b) =>
      a === b ||
      (a !== null && b !== null && a.banner === b.banner && JSON.stringify(a.issues) === JSON.stringify(b.issues)),
  });
}

export type MarkingBannerProps = { marking: ComputedMarking | null; legacy: string; position: "top" | "bottom" };

/** The banner line above and below the text: computed from the portions, or the legacy free-text marking. */
export function MarkingBanner({ marking, legacy, position }: MarkingBannerProps) {
  const text = marking?.banner ?? legacy;
  if (!text) return null;
  return (
    <p className={`marking-banner marking-banner--${position}`} data-testid={`marking-banner-${position}`}>
      {text}
    </p>
  );
}

/** What is wrong with the marking: unmarked portions (when required), prohibited combinations… */
export function MarkingIssues({ marking }: { marking: ComputedMarking | null }) {
  if (!marking || marking.issues.length === 0) return null;
  const shown = marking.issues.slice(0, 5);
  return (
    <div className="notice notice--warning marking-issues" role="status" data-testid="marking-issues">
      <p>
        {marking.unmarked.length
          ? `${marking.unmarked.length} unmarked portion${marking.unmarked.length === 1 ? "" : "s"}: exports are refused until every portion is marked.`
          : "Marking problems:"}
      </p>
      <ul>
        {shown.map((issue, i) => (
          // Issues have no identity beyond their text and position.
          // biome-ignore lint/suspicious/noArrayIndexKey: a fresh list on every change
          <li key={i}>
            {issue.where ? `${issue.where}: ` : ""}
            {issue.message}
          </li>
        ))}
        {marking.issues.length > shown.length ? <li>…and {marking.issues.length - shown.length} more.</li> : null}
      </ul>
    </div>
  );
}

export type PortionButtonProps = { editor: Editor; profile: MarkingProfile; onOpen: () => void };

/** The toolbar's mark control: shows the current block's mark, opens the picker (Ctrl+Alt+P). */
export function PortionButton({ editor, profile, onOpen }: PortionButtonProps) {
  const mark = useEditorState({ editor, selector: ({ editor: e }) => currentPortion(e) });
  const label = portionLabel(profile, mark) || "(none)";
  return (
    <button
      type="button"
      className="button button--small button--secondary portion-button"
      title="Portion mark of this block (Ctrl+Alt+P)"
      aria-keyshortcuts="Control+Alt+P Meta+Alt+P"
      aria-label={`Portion mark: ${label}`}
      onMouseDown={(e) => e.preventDefault()}
      onClick={onOpen}
    >
      Mark {label}
    </button>
  );
}
