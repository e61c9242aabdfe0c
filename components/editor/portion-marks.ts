"use client";

import { type Editor, Extension } from "@tiptap/core";
import type { Node as PmNode } from "@tiptap/pm/model";
import { type EditorState, Plugin, PluginKey, type Transaction } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import { portionLabel, validPortion } from "@/lib/marking/compute";
import { isPortionType, PORTION_ATTRIBUTE } from "@/lib/marking/portion";
import type { MarkingProfile } from "@/lib/marking/profile-schema";

const key = new PluginKey<DecorationSet>("portionMarks");
/** Meta telling the plugin the profile changed (redraw every prefix). */
const PROFILE_CHANGED = "portionProfileChanged";

export type PortionProfileHandle = { current: MarkingProfile | null };

/** Calls `visit` on every portion node (the outermost markable blocks) of a document. */
export function eachPortion(doc: PmNode, visit: (node: PmNode, pos: number) => void): void {
  doc.descendants((node, pos) => {
    if (isPortionType(node.type.name)) {
      visit(node, pos);
      return false;
    }
    return !node.isTextblock && !node.isAtom;
  });
}

function markOf(node: PmNode): string | null {
  const value: unknown = node.attrs[PORTION_ATTRIBUTE];
  return typeof value === "string" && value ? value : null;
}

/**
 * "(S)" before every portion; "(?)" and a flag on unmarked ones when the profile requires marks,
 * and on marks the profile does not know (they count as unmarked: lib/marking/compute.ts validPortion).
 */
function decorations(doc: PmNode, profile: MarkingProfile | null): DecorationSet {
  if (!profile) return DecorationSet.empty;
  const out: Decoration[] = [];
  eachPortion(doc, (node, pos) => {
    const mark = markOf(node);
    const card = node.type.name === "frameworkCard";
    const label = portionLabel(profile, mark ?? (card ? profile.levels[0]?.code : null));
    const invalid = mark !== null && !validPortion(profile, mark);
    const flagged = invalid || (!mark && !card && profile.requirePortionMarks);
    if (!label && !flagged) return;
    const title = invalid
      ? `“${mark}” is not a mark of ${profile.name}, so this portion counts as unmarked: pick a mark (Ctrl+Alt+P).`
      : flagged
        ? "Unmarked portion: this profile requires a portion mark (Ctrl+Alt+P)."
        : label;
    out.push(
      Decoration.node(pos, pos + node.nodeSize, {
        class: flagged ? "portion portion--unmarked" : "portion",
        "data-portion-label": flagged ? "(?)" : label,
        title,
      }),
    );
  });
  return DecorationSet.create(doc, out);
}

/** Portions the transaction inserted whole, with no mark: they take the mark of the portion before. */
function inheritMarks(transactions: readonly Transaction[], state: EditorState): Transaction | null {
  const ranges: [number, number][] = [];
  for (const tr of transactions) {
    if (!tr.docChanged) continue;
    const sync = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
    if (sync?.isChangeOrigin) return null;
    for (let i = 0; i < ranges.length; i++) {
      const [from, to] = ranges[i] as [number, number];
      ranges[i] = [tr.mapping.map(from, -1), tr.mapping.map(to, 1)];
    }
    tr.mapping.maps.forEach((map, index) => {
      map.forEach((_a, _b, from, to) => {
        const rest = tr.mapping.slice(index + 1);
        if (to > from) ranges.push([rest.map(from, -1), rest.map(to, 1)]);
      });
    });
  }
  if (ranges.length === 0) return null;
  let tr: Transaction | null = null;
  let previous: string | null = null;
  eachPortion(state.doc, (node, pos) => {
    const mark = markOf(node);
    const inserted = ranges.some(([from, to]) => from <= pos && pos + node.nodeSize <= to);
    if (!mark && inserted && previous) {
      tr ??= state.tr;
      tr.setNodeAttribute(pos, PORTION_ATTRIBUTE, previous);
    }
    previous = mark ?? (inserted ? previous : null);
  });
  return tr;
}

/** The mark of the portion holding the selection's start (null: none, or not in a portion). */
export function currentPortion(editor: Editor): string | null {
  const { $from } = editor.state.selection;
  for (let depth = 1; depth <= $from.depth; depth++) {
    const node = $from.node(depth);
    if (isPortionType(node.type.name)) return markOf(node);
  }
  const after = $from.nodeAfter;
  return after && isPortionType(after.type.name) ? markOf(after) : null;
}

/** Sets (or clears, with null) the mark of every portion the selection touches. */
export function setPortionMark(editor: Editor, mark: string | null): boolean {
  const { from, to } = editor.state.selection;
  const tr = editor.state.tr;
  let changed = false;
  editor.state.doc.nodesBetween(from, Math.max(to, from + 1), (node, pos) => {
    if (!isPortionType(node.type.name)) return !node.isTextblock && !node.isAtom;
    if (markOf(node) !== mark) {
      tr.setNodeAttribute(pos, PORTION_ATTRIBUTE, mark);
      changed = true;
    }
    return false;
  });
  if (changed) editor.view.dispatch(tr);
  return changed;
}

/** Redraws the prefixes after the briefing's profile changed. */
export function refreshPortionMarks(editor: Editor): void {
  editor.view.dispatch(editor.state.tr.setMeta(PROFILE_CHANGED, true));
}

/**
 * The editor side of portion marks: prefixes drawn as decorations (CSS draws data-portion-label,
 * editor.css), unmarked portions flagged when the profile requires marks, inserted blocks
 * inheriting the previous block's mark, and Ctrl+Alt+P opening the picker.
 */
export const PortionMarkView = Extension.create<{ profile: PortionProfileHandle; openPicker: { current: () => void } }>(
  {
    name: "portionMarkView",

    addOptions() {
      return { profile: { current: null }, openPicker: { current: () => {} } };
    },

    addKeyboardShortcuts() {
      return {
        "Mod-Alt-p": () => {
          this.options.openPicker.current();
          return true;
        },
      };
    },

    addProseMirrorPlugins() {
      const profile = this.options.profile;
      return [
        new Plugin({
          key,
          state: {
            init: (_, state) => decorations(state.doc, profile.current),
            apply: (tr, set) =>
              tr.docChanged || tr.getMeta(PROFILE_CHANGED)
                ? decorations(tr.doc, profile.current)
                : set.map(tr.mapping, tr.doc),
          },
          props: { decorations: (state) => key.getState(state) },
          appendTransaction: (transactions, _old, state) => inheritMarks(transactions, state),
        }),
      ];
    },
  },
);
