"use client";

import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import type { FrameworkOption } from "@/lib/matrix/queries";
import type { CatalogScope } from "@/lib/matrix/types";
import { MAX_FRAMEWORKS } from "@/lib/matrix/view-state";
import { shortName } from "./matrix-layout";

export type FrameworkPickerProps = {
  /** GET /api/compare/options: every framework, loaded when the page is idle or the picker is used. */
  optionsPath: string;
  /** Frameworks already known (those compared now): labels of the chips before the list is loaded. */
  known: FrameworkOption[];
  selected: string[];
  scope: CatalogScope | null;
  /** Frameworks an "all matching" scope currently holds. */
  scopeCount: number;
  pending: boolean;
  onChange: (slugs: string[]) => void;
  onClearScope: () => void;
};

const MAX_SUGGESTIONS = 12;

/** Options matching a search: acronym or name starting with it first, then containing it. */
function matches(options: FrameworkOption[], query: string, exclude: Set<string>): FrameworkOption[] {
  const q = query.trim().toLowerCase();
  const pool = options.filter((o) => !exclude.has(o.slug));
  if (!q) return pool.slice(0, MAX_SUGGESTIONS);
  const rank = (o: FrameworkOption) => {
    const acronym = o.acronym?.toLowerCase() ?? "";
    const name = o.name.toLowerCase();
    if (acronym === q) return 0;
    if (acronym.startsWith(q) || name.startsWith(q)) return 1;
    if (name.includes(q) || acronym.includes(q) || o.slug.includes(q)) return 2;
    return 3;
  };
  return pool
    .map((o) => ({ o, r: rank(o) }))
    .filter((x) => x.r < 3)
    .sort((a, b) => a.r - b.r)
    .slice(0, MAX_SUGGESTIONS)
    .map((x) => x.o);
}

type OptionsLoad = { options: FrameworkOption[] | null; failed: boolean; load: () => void };

/**
 * The catalog's frameworks for the picker, fetched once per catalog version: when the browser is
 * idle after the page went live, or at once when the picker is used first (`load`).
 */
function useFrameworkOptions(path: string, prefetch: boolean): OptionsLoad {
  const [loaded, setLoaded] = useState<{ path: string; options: FrameworkOption[] } | null>(null);
  const [failed, setFailed] = useState(false);
  const started = useRef<string | null>(null);
  const load = useCallback(() => {
    if (started.current === path) return;
    started.current = path;
    setFailed(false);
    fetch(path)
      .then((response) => (response.ok ? (response.json() as Promise<FrameworkOption[]>) : Promise.reject()))
      .then(
        (options) => setLoaded({ path, options }),
        () => {
          started.current = null; // the next use tries again
          setFailed(true);
        },
      );
  }, [path]);
  useEffect(() => {
    if (!prefetch) return;
    const timer = setTimeout(load, 1000);
    return () => clearTimeout(timer);
  }, [load, prefetch]);
  // A list of an older catalog version still serves until the new one is there.
  return { options: loaded?.options ?? null, failed, load };
}

/**
 * Search-as-you-type multi-select of frameworks (WAI-ARIA combobox with a listbox): type, move
 * with the arrow keys, Enter adds; Backspace in the empty field removes the last one.
 */
export function FrameworkPicker({
  optionsPath,
  known,
  selected,
  scope,
  scopeCount,
  pending,
  onChange,
  onClearScope,
}: FrameworkPickerProps) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [highlighted, setHighlighted] = useState(0);
  const { options, failed, load } = useFrameworkOptions(optionsPath, !scope);
  const bySlug = useMemo(() => new Map([...(options ?? []), ...known].map((o) => [o.slug, o])), [options, known]);
  const full = selected.length >= MAX_FRAMEWORKS;
  const suggestions = useMemo(
    () => (options ? matches(options, query, new Set(selected)) : []),
    [options, query, selected],
  );
  const listId = `${id}-list`;
  const optionId = (i: number) => `${id}-option-${i}`;
  const expanded = open && !full && !scope;

  const add = (slug: string) => {
    if (full || selected.includes(slug)) return;
    onChange([...selected, slug]);
    setQuery("");
    setHighlighted(0);
    setOpen(false);
  };
  const remove = (slug: string) => {
    onChange(selected.filter((s) => s !== slug));
    inputRef.current?.focus();
  };

  return (
    <div className="picker" data-testid="framework-picker">
      <label htmlFor={`${id}-input`} className="picker__label">
        Frameworks to compare
      </label>
      <div className="picker__box">
        <ul className="picker__chips" aria-label="Selected frameworks">
          {scope ? (
            <li className="chip chip--scope">
              <span>
                All {scopeCount} frameworks{Object.keys(scope).length ? " matching the catalog filters" : ""}
              </span>
              <button
                type="button"
                className="chip__remove"
                aria-label="Stop comparing all frameworks"
                onClick={onClearScope}
              >
                ×
              </button>
            </li>
          ) : (
            selected.map((slug) => {
              const o = bySlug.get(slug);
              const label = o ? shortName(o) : slug;
              return (
                <li key={slug} className="chip" title={o?.name}>
                  <span>{label}</span>
                  <button
                    type="button"
                    className="chip__remove"
                    aria-label={`Remove ${o?.name ?? slug}`}
                    onClick={() => remove(slug)}
                  >
                    ×
                  </button>
                </li>
              );
            })
          )}
        </ul>
        <input
          ref={inputRef}
          id={`${id}-input`}
          className="picker__input"
          type="text"
          role="combobox"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={expanded && suggestions[highlighted] ? optionId(highlighted) : undefined}
          aria-describedby={`${id}-hint`}
          autoComplete="off"
          placeholder={
            scope
              ? "Comparing all frameworks"
              : full
                ? "Remove one to add another"
                : "Type a name or acronym, e.g. NATO"
          }
          disabled={Boolean(scope)}
          value={query}
          onFocus={load}
          onChange={(e) => {
            load();
            setQuery(e.target.value);
            setOpen(true);
            setHighlighted(0);
          }}
          onClick={() => {
            load();
            setOpen(true);
          }}
          onBlur={() => setOpen(false)}
          onKeyDown={(e) => {
            if (e.key === "ArrowDown" || e.key === "ArrowUp") {
              e.preventDefault();
              setOpen(true);
              const n = suggestions.length;
              if (n) setHighlighted((h) => (h + (e.key === "ArrowDown" ? 1 : n - 1)) % n);
            } else if (e.key === "Enter") {
              const o = suggestions[highlighted];
              if (expanded && o) {
                e.preventDefault();
                add(o.slug);
              }
            } else if (e.key === "Escape") {
              setOpen(false);
            } else if (e.key === "Backspace" && !query && selected.length) {
              onChange(selected.slice(0, -1));
            }
          }}
        />
      </div>
      {expanded && suggestions.length ? (
        <div id={listId} role="listbox" aria-label="Matching frameworks" className="picker__list">
          {suggestions.map((o, i) => (
            // biome-ignore lint/a11y/useKeyWithClickEvents: options are chosen from the keyboard in the combobox (aria-activedescendant); the click is for pointers.
            <div
              key={o.slug}
              id={optionId(i)}
              role="option"
              tabIndex={-1}
              aria-selected={i === highlighted}
              className="picker__option"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => add(o.slug)}
              onMouseEnter={() => setHighlighted(i)}
            >
              <span className="picker__option-name">
                {o.acronym && o.acronym !== o.name ? `${o.acronym} — ${o.name}` : o.name}
              </span>
              {o.status !== "active" ? <span className={`badge badge--${o.status}`}>{o.status}</span> : null}
            </div>
          ))}
        </div>
      ) : expanded && !options && (query.trim() || failed) ? (
        <p className="picker__list picker__option--none" role="status">
          {failed ? "The list of frameworks could not be loaded. Type to try again." : "Loading the frameworks…"}
        </p>
      ) : expanded && query.trim() ? (
        <p className="picker__list picker__option--none">No framework matches “{query}”.</p>
      ) : null}
      <p id={`${id}-hint`} className="picker__hint muted" aria-live="polite">
        {scope
          ? "Remove “All frameworks” to pick frameworks one by one."
          : full
            ? `${selected.length} of ${MAX_FRAMEWORKS}: a comparison holds at most ${MAX_FRAMEWORKS} frameworks. Remove one to add another.`
            : `${selected.length} selected (up to ${MAX_FRAMEWORKS}).`}
        {pending ? " Loading…" : ""}
      </p>
    </div>
  );
}
