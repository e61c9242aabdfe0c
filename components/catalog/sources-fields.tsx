"use client";

import { useState } from "react";
import type { SourceInput } from "@/lib/catalog/schema";
import { checkSourceUrl, SOURCE_TYPES, sourceRefusal } from "@/lib/catalog/source-policy";

export type SourcesFieldsProps = { initial: SourceInput[]; today: string };

type Row = Omit<SourceInput, "type"> & { type: SourceInput["type"] | ""; key: number };

/** The citation rows of a value form (at least one row is always shown). */
export function SourcesFields({ initial, today }: SourcesFieldsProps) {
  const blank = (): Row => ({ key: Math.random(), title: "", url: "", publisher: null, accessed: today, type: "" });
  const [rows, setRows] = useState<Row[]>(() =>
    initial.length ? initial.map((s) => ({ ...s, key: Math.random() })) : [blank()],
  );
  // The server refuses the same URLs; saying so on leaving the field saves a round trip.
  const [refusals, setRefusals] = useState<Record<number, string>>({});
  const checkUrl = (key: number, url: string) => {
    const verdict = url.trim() ? checkSourceUrl(url.trim()) : ({ ok: true } as const);
    setRefusals(({ [key]: _old, ...rest }) =>
      verdict.ok ? rest : { ...rest, [key]: sourceRefusal(url.trim(), verdict.reason) },
    );
  };
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
            aria-invalid={refusals[s.key] ? true : undefined}
            aria-describedby={refusals[s.key] ? `source-refusal-${s.key}` : undefined}
            onBlur={(e) => checkUrl(s.key, e.currentTarget.value)}
          />
          <select name="source-type" aria-label={`Source ${i + 1} type`} required defaultValue={s.type}>
            <option value="" disabled>
              Type of source…
            </option>
            {Object.entries(SOURCE_TYPES).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
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
          {refusals[s.key] ? (
            <p className="field__error" id={`source-refusal-${s.key}`} role="alert">
              {refusals[s.key]}
            </p>
          ) : null}
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
