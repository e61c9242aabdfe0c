import { Extension } from "@tiptap/core";
import { type EditorState, Plugin, PluginKey, TextSelection, type Transaction } from "@tiptap/pm/state";
import { Decoration, DecorationSet, type EditorView } from "@tiptap/pm/view";
import { type FindMatch, type FindOptions, findMatches } from "@/lib/editor/find";

/** What the find bar shows: the query, its options, the matches and which one is current. */
export type FindState = {
  query: string;
  options: FindOptions;
  matches: FindMatch[];
  /** Index into matches, -1 when there are none. */
  current: number;
  decorations: DecorationSet;
};

type FindMeta = { query: string; options: FindOptions } | { current: number };

const findKey = new PluginKey<FindState>("find");

const EMPTY: FindState = {
  query: "",
  options: { caseSensitive: false, wholeWord: false },
  matches: [],
  current: -1,
  decorations: DecorationSet.empty,
};

function decorate(state: EditorState, matches: FindMatch[], current: number): DecorationSet {
  return DecorationSet.create(
    state.doc,
    matches.map((m, i) =>
      Decoration.inline(m.from, m.to, { class: i === current ? "find-match find-match--current" : "find-match" }),
    ),
  );
}

/** The first match at or after `pos` (wrapping), so a search starts where the reader is. */
function firstFrom(matches: FindMatch[], pos: number): number {
  if (matches.length === 0) return -1;
  const index = matches.findIndex((m) => m.from >= pos);
  return index === -1 ? 0 : index;
}

function nextState(tr: Transaction, previous: FindState, state: EditorState): FindState {
  const meta = tr.getMeta(findKey) as FindMeta | undefined;
  if (meta && "query" in meta) {
    const matches = findMatches(state.doc, meta.query, meta.options);
    const current = firstFrom(matches, state.selection.from);
    return { ...meta, matches, current, decorations: decorate(state, matches, current) };
  }
  if (meta && "current" in meta) {
    return { ...previous, current: meta.current, decorations: decorate(state, previous.matches, meta.current) };
  }
  if (!tr.docChanged || !previous.query) return previous;
  // Co-editors may change the text under the matches: search again, keep the reader's place.
  const matches = findMatches(state.doc, previous.query, previous.options);
  const from = previous.matches[previous.current]?.from;
  const current = from === undefined ? firstFrom(matches, 0) : firstFrom(matches, tr.mapping.map(from));
  return { ...previous, matches, current, decorations: decorate(state, matches, current) };
}

/** Find and replace: matches are decorations (nothing is written to the shared document until a replace). */
export const FindReplace = Extension.create({
  name: "findReplace",
  addProseMirrorPlugins() {
    return [
      new Plugin<FindState>({
        key: findKey,
        state: { init: () => EMPTY, apply: (tr, previous, _old, state) => nextState(tr, previous, state) },
        props: { decorations: (state) => findKey.getState(state)?.decorations },
      }),
    ];
  },
});

/** The find state of an editor state (EMPTY before the plugin has run). */
export function getFindState(state: EditorState): FindState {
  return findKey.getState(state) ?? EMPTY;
}

/** Searches for `query`; an empty query clears the highlights. */
export function setFindQuery(view: EditorView, query: string, options: FindOptions): void {
  view.dispatch(view.state.tr.setMeta(findKey, { query, options } satisfies FindMeta));
}

function select(view: EditorView, index: number): void {
  const match = getFindState(view.state).matches[index];
  if (!match) return;
  const tr = view.state.tr
    .setMeta(findKey, { current: index } satisfies FindMeta)
    .setSelection(TextSelection.create(view.state.doc, match.from, match.to))
    .scrollIntoView();
  view.dispatch(tr);
}

/** Moves to the next (1) or previous (-1) match, wrapping around, and selects it. */
export function findStep(view: EditorView, direction: 1 | -1): void {
  const { matches, current } = getFindState(view.state);
  if (matches.length === 0) return;
  select(view, (current + direction + matches.length) % matches.length);
}

/** Replaces the current match and moves to the next one. */
export function replaceCurrent(view: EditorView, replacement: string): void {
  const { matches, current } = getFindState(view.state);
  const match = matches[current];
  if (!match) return;
  view.dispatch(view.state.tr.insertText(replacement, match.from, match.to));
  const after = getFindState(view.state);
  if (after.matches.length > 0) select(view, firstFrom(after.matches, match.from + replacement.length));
}

/** Replaces every match in one transaction (one undo step); returns how many were replaced. */
export function replaceAll(view: EditorView, replacement: string): number {
  const { matches } = getFindState(view.state);
  if (matches.length === 0) return 0;
  const tr = view.state.tr;
  // From the end, so earlier positions stay valid.
  for (const match of [...matches].reverse()) tr.insertText(replacement, match.from, match.to);
  view.dispatch(tr);
  return matches.length;
}
