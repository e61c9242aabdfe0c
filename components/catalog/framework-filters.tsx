"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import type { CatalogFacets } from "@/lib/catalog/types";

export type FrameworkFiltersProps = {
  facets: CatalogFacets;
  values: Record<string, string>;
  /** Cards per page when not the default: kept when the filters change (the page goes back to 1). */
  per?: number;
};

const SELECTS = [
  { name: "kind", label: "Kind", key: "kinds" },
  { name: "region", label: "Region", key: "regions" },
  { name: "status", label: "Status", key: "statuses" },
  { name: "country", label: "Member country", key: "countries" },
] as const;

/**
 * The search and filter form of /frameworks. A plain GET form (works without JavaScript); with
 * JavaScript it applies changes as you type, debounced, without a full reload.
 */
export function FrameworkFilters({ facets, values, per }: FrameworkFiltersProps) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const formRef = useRef<HTMLFormElement>(null);
  const [pending, startTransition] = useTransition();
  const [q, setQ] = useState(values.q ?? "");
  const [selected, setSelected] = useState<Record<string, string>>(values);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const urlQuery = searchParams.toString();
  const lastPushed = useRef(urlQuery);

  // When the URL changes from outside the form (back button, "Clear filters"), show its state.
  useEffect(() => {
    if (urlQuery === lastPushed.current) return;
    lastPushed.current = urlQuery;
    const params = new URLSearchParams(urlQuery);
    setQ(params.get("q") ?? "");
    setSelected(Object.fromEntries(params));
  }, [urlQuery]);

  const apply = () => {
    const form = formRef.current;
    if (!form) return;
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(form)) if (typeof value === "string" && value) params.set(key, value);
    const query = params.toString();
    if (query === urlQuery) return;
    lastPushed.current = query;
    startTransition(() => router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false }));
  };

  useEffect(() => () => clearTimeout(timer.current), []);

  return (
    <search aria-label="Search and filter frameworks">
      <form
        ref={formRef}
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          apply();
        }}
      >
        <div className="field field--grow">
          <label htmlFor="filter-q">Search</label>
          <input
            id="filter-q"
            name="q"
            type="search"
            value={q}
            placeholder="Name, acronym or member country"
            autoComplete="off"
            maxLength={100}
            onChange={(e) => {
              setQ(e.target.value);
              clearTimeout(timer.current);
              timer.current = setTimeout(apply, 250);
            }}
          />
        </div>
        {SELECTS.map(({ name, label, key }) => (
          <div className="field" key={name}>
            <label htmlFor={`filter-${name}`}>{label}</label>
            <select
              id={`filter-${name}`}
              name={name}
              value={selected[name] ?? ""}
              onChange={(e) => {
                setSelected((prev) => ({ ...prev, [name]: e.target.value }));
                queueMicrotask(apply);
              }}
            >
              <option value="">Any</option>
              {facets[key].map((f) => (
                <option key={f.value} value={f.value} disabled={f.count === 0 && values[name] !== f.value}>
                  {f.label} ({f.count})
                </option>
              ))}
            </select>
          </div>
        ))}
        {per ? <input type="hidden" name="per" value={per} /> : null}
        <div className="filters__actions">
          <button type="submit" className="button">
            Apply
          </button>
          <span className="spinner" aria-hidden={!pending} data-visible={pending}>
            {pending ? "Updating…" : ""}
          </span>
        </div>
      </form>
    </search>
  );
}
