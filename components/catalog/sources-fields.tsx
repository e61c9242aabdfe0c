"use client";

import { useState } from "react";
import type { SourceInput } from "@/lib/catalog/schema";

export type SourcesFieldsProps = { initial: SourceInput[]; today: string };

/** The citation rows of a value form (at least one row is always shown). */
export function SourcesFields({ initial, today }: SourcesFieldsProps) {
  const blank = (): SourceInput & { key: number } => ({
    key: Math.random(),
    title: "",
    url: "",
    publisher: null,
    accessed: today,
  });
  const [rows, setRows] = useState(() =>
    initial.length ? initial.map((s) => ({ ...s, key: Math.random() })) : [blank()],
  );
  return (
    <fieldset className="sources-fields">
      <legend>Sources (at least one)</legend>
      {rows.map((s, i) => (
        <div className="source-row" key={s.key}>
          <input name="source-title" aria-label={`Source ${i + 1} title`} placeholder="Title" defaultValue={s.title} />
          <input
            name="source-url"
            aria-label={`Source ${i + 1} URL`}
            type="url"
            placeholder="https://…"
            defaultValue={s.url}
          />
          <input
            name="source-publisher"
            aria-label={`Source ${i + 1} publisher`}
            placeholder="Publisher"
            defaultValue={s.publisher ?? ""}
          />
          <input
            name="source-accessed"
            aria-label={`Source ${i + 1} accessed`}
            type="date"
            defaultValue={s.accessed ?? today}
          />
          <button
            type="button"
            className="button button--secondary button--small"
            aria-label={`Remove source ${i + 1}`}
            onClick={() => setRows((rs) => rs.filter((r) => r.key !== s.key))}
          >
            Remove
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => setRows((rs) => [...rs, blank()])}
      >
        Add source
      </button>
    </fieldset>
  );
}
