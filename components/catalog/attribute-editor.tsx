"use client";

import { useState } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { useAction } from "@/components/ui/use-action";
import { deleteAttributeValue, setAttributeValue } from "@/lib/catalog/actions";
import { valueFlags } from "@/lib/catalog/flags";
import { formatOption } from "@/lib/catalog/format";
import type { SourceInput, TypedValue } from "@/lib/catalog/schema";
import { SourcesFields } from "./sources-fields";
import { ValueFlags } from "./value-flags";

export type EditableDimension = {
  key: string;
  label: string;
  valueType: string;
  options: string[];
  current: {
    value: TypedValue;
    display: string;
    note: string | null;
    asOf: string | null;
    reviewDue: string | null;
    sources: SourceInput[];
  } | null;
};

export type AttributeEditorProps = { slug: string; dimension: EditableDimension; today: string };

function readValue(valueType: string, raw: string): TypedValue {
  if (valueType === "boolean") return raw === "true";
  if (valueType === "number") return raw.trim() === "" ? Number.NaN : Number(raw);
  return raw;
}

/** One dimension of a framework: its value and sources, editable inline. */
export function AttributeEditor({ slug, dimension: d, today }: AttributeEditorProps) {
  const [editing, setEditing] = useState(false);
  const save = useAction(setAttributeValue);
  const remove = useAction(deleteAttributeValue);
  const inputId = `value-${d.key}`;

  if (!editing) {
    return (
      <div className="dimension" data-testid={`edit-dimension-${d.key}`}>
        <dt>{d.label}</dt>
        <dd>
          <span className="value">{d.current?.display ?? <span className="muted">No value</span>}</span>{" "}
          {d.current ? <ValueFlags flags={valueFlags(d.current, today)} /> : null}
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => setEditing(true)}
            aria-label={`Edit ${d.label}`}
          >
            Edit
          </button>
          {d.current ? (
            <button
              type="button"
              className="button button--danger button--small"
              disabled={remove.pending}
              aria-label={`Delete the value of ${d.label}`}
              onClick={() => {
                if (window.confirm(`Delete the value of "${d.label}"?`)) remove.run({ slug, dimension: d.key });
              }}
            >
              Delete
            </button>
          ) : null}
          <FormStatus error={remove.error} />
        </dd>
      </div>
    );
  }

  return (
    <div className="dimension dimension--editing" data-testid={`edit-dimension-${d.key}`}>
      <dt>
        <label htmlFor={inputId}>{d.label}</label>
      </dt>
      <dd>
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            const f = new FormData(e.currentTarget);
            const titles = f.getAll("source-title").map(String);
            const sources = titles
              .map((title, i) => ({
                title,
                url: String(f.getAll("source-url")[i] ?? ""),
                publisher: String(f.getAll("source-publisher")[i] ?? "") || null,
                accessed: String(f.getAll("source-accessed")[i] ?? "") || null,
                type: String(f.getAll("source-type")[i] ?? ""),
              }))
              .filter((s) => s.title.trim() || s.url.trim());
            save.run(
              {
                slug,
                dimension: d.key,
                value: readValue(d.valueType, String(f.get("value"))),
                note: String(f.get("note") ?? ""),
                asOf: String(f.get("asOf") ?? ""),
                reviewDue: String(f.get("reviewDue") ?? ""),
                sources,
              },
              () => setEditing(false),
            );
          }}
        >
          <ValueInput id={inputId} dimension={d} />
          <div className="field">
            <label htmlFor={`note-${d.key}`}>Note</label>
            <textarea id={`note-${d.key}`} name="note" rows={2} defaultValue={d.current?.note ?? ""} />
          </div>
          <div className="field field--inline">
            <label htmlFor={`asof-${d.key}`}>As of</label>
            <input id={`asof-${d.key}`} name="asOf" type="date" defaultValue={d.current?.asOf ?? today} />
            <label htmlFor={`review-${d.key}`}>Review due</label>
            <input id={`review-${d.key}`} name="reviewDue" type="date" defaultValue={d.current?.reviewDue ?? ""} />
          </div>
          <SourcesFields initial={d.current?.sources ?? []} today={today} />
          <FormStatus error={save.error} />
          <div className="form__actions">
            <button type="submit" className="button" disabled={save.pending}>
              {save.pending ? "Saving…" : "Save value"}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      </dd>
    </div>
  );
}

function ValueInput({ id, dimension: d }: { id: string; dimension: EditableDimension }) {
  const current = d.current?.value;
  if (d.valueType === "boolean") {
    return (
      <select id={id} name="value" defaultValue={current === false ? "false" : "true"}>
        <option value="true">Yes</option>
        <option value="false">No</option>
      </select>
    );
  }
  if (d.valueType === "enum") {
    return (
      <select id={id} name="value" defaultValue={typeof current === "string" ? current : d.options[0]}>
        {d.options.map((o) => (
          <option key={o} value={o}>
            {formatOption(o)}
          </option>
        ))}
      </select>
    );
  }
  if (d.valueType === "number")
    return (
      <input
        id={id}
        name="value"
        type="number"
        step="any"
        required
        defaultValue={current === undefined ? "" : String(current)}
      />
    );
  if (d.valueType === "date")
    return (
      <input
        id={id}
        name="value"
        required
        placeholder="YYYY, YYYY-MM, YYYY-MM-DD or c. YYYY"
        defaultValue={typeof current === "string" ? current : ""}
      />
    );
  return <textarea id={id} name="value" rows={3} required defaultValue={typeof current === "string" ? current : ""} />;
}
