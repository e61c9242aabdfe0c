"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";

/** Title search: updates ?q= as you type (debounced), keeping the current tab; shows progress. */
export function BriefingSearch({ initial }: { initial: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [value, setValue] = useState(initial);
  const [pending, startTransition] = useTransition();
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const go = (q: string) => {
    const next = new URLSearchParams(params.toString());
    if (q.trim()) next.set("q", q.trim());
    else next.delete("q");
    const query = next.toString();
    startTransition(() => router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false }));
  };

  return (
    <search className="briefing-search">
      <form
        className="briefing-search__form"
        onSubmit={(e) => {
          e.preventDefault();
          window.clearTimeout(timer.current);
          go(value);
        }}
      >
        <label htmlFor="briefing-search">Search titles</label>
        <input
          id="briefing-search"
          type="search"
          value={value}
          placeholder="e.g. AUKUS"
          onChange={(e) => {
            const q = e.target.value;
            setValue(q);
            window.clearTimeout(timer.current);
            timer.current = window.setTimeout(() => go(q), 250);
          }}
        />
        {pending ? (
          <span className="briefing-search__progress" role="status">
            <span className="busy" aria-hidden="true" /> Searching…
          </span>
        ) : null}
      </form>
    </search>
  );
}
