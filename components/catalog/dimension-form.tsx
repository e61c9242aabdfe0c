"use client";

import { useState } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { useAction } from "@/components/ui/use-action";
import { createDimension } from "@/lib/catalog/actions";
import { VALUE_TYPES } from "@/lib/catalog/constants";

export function DimensionForm({ groups }: { groups: string[] }) {
  const { run, pending, error } = useAction(createDimension);
  const [valueType, setValueType] = useState("boolean");
  const [created, setCreated] = useState<string | null>(null);
  return (
    <form
      className="form form--grid"
      onSubmit={(e) => {
        e.preventDefault();
        const formElement = e.currentTarget;
        const f = new FormData(formElement);
        const options = String(f.get("options") ?? "")
          .split(",")
          .map((o) => o.trim())
          .filter(Boolean);
        run(
          {
            key: String(f.get("key")),
            label: String(f.get("label")),
            group: String(f.get("group")),
            valueType,
            options,
            description: String(f.get("description") ?? "") || null,
          },
          (data) => {
            setCreated(data.key);
            formElement.reset();
          },
        );
      }}
    >
      <div className="field">
        <label htmlFor="dim-key">Key</label>
        <input id="dim-key" name="key" required pattern="[a-z][a-z0-9_]*" placeholder="e.g. space_cooperation" />
      </div>
      <div className="field">
        <label htmlFor="dim-label">Label</label>
        <input id="dim-label" name="label" required />
      </div>
      <div className="field">
        <label htmlFor="dim-group">Group</label>
        <input id="dim-group" name="group" required list="dim-groups" />
        <datalist id="dim-groups">
          {groups.map((g) => (
            <option key={g} value={g} />
          ))}
        </datalist>
      </div>
      <div className="field">
        <label htmlFor="dim-type">Value type</label>
        <select id="dim-type" name="valueType" value={valueType} onChange={(e) => setValueType(e.target.value)}>
          {VALUE_TYPES.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </div>
      {valueType === "enum" ? (
        <div className="field field--wide">
          <label htmlFor="dim-options">Options (comma-separated)</label>
          <input id="dim-options" name="options" required placeholder="low, medium, high" />
        </div>
      ) : null}
      <div className="field field--wide">
        <label htmlFor="dim-description">Description</label>
        <input id="dim-description" name="description" />
      </div>
      <div className="field--wide">
        <FormStatus error={error} success={created ? `Dimension "${created}" added.` : null} />
        <button type="submit" className="button" disabled={pending}>
          {pending ? "Adding…" : "Add dimension"}
        </button>
      </div>
    </form>
  );
}
