"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { useAction } from "@/components/ui/use-action";
import { createFramework, updateFramework } from "@/lib/catalog/actions";
import { KINDS, REGIONS, STATUSES } from "@/lib/catalog/constants";

export type FrameworkFormValues = {
  slug: string;
  name: string;
  acronym: string | null;
  kind: string;
  region: string;
  status: string;
  founded: string | null;
  inForce: string | null;
  ended: string | null;
  headquarters: string | null;
  legalBasis: string | null;
  summary: string;
};

export type FrameworkFormProps = { initial?: FrameworkFormValues };

const nullable = (v: FormDataEntryValue | null) => {
  const s = String(v ?? "").trim();
  return s === "" ? null : s;
};

/** Creates a framework (no initial values) or edits its fields. The slug is fixed once created. */
export function FrameworkForm({ initial }: FrameworkFormProps) {
  const router = useRouter();
  const create = useAction(createFramework);
  const update = useAction(updateFramework);
  const { pending, error, fieldErrors } = initial ? update : create;
  const [saved, setSaved] = useState(false);
  const fieldError = (name: string) =>
    fieldErrors[name]?.length ? (
      <small className="field-error" id={`${name}-error`}>
        {fieldErrors[name]?.join(" ")}
      </small>
    ) : null;

  return (
    <form
      className="form form--grid"
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const values = {
          slug: initial?.slug ?? String(f.get("slug")).trim(),
          name: String(f.get("name")),
          acronym: nullable(f.get("acronym")),
          kind: String(f.get("kind")),
          region: String(f.get("region")),
          status: String(f.get("status")),
          founded: nullable(f.get("founded")),
          inForce: nullable(f.get("inForce")),
          ended: nullable(f.get("ended")),
          headquarters: nullable(f.get("headquarters")),
          legalBasis: nullable(f.get("legalBasis")),
          summary: String(f.get("summary")),
        };
        setSaved(false);
        if (initial) update.run(values, () => setSaved(true));
        else create.run(values, (data) => router.push(`/frameworks/${data.slug}/edit`));
      }}
    >
      {initial ? null : (
        <div className="field">
          <label htmlFor="slug">Slug (in the address; cannot change later)</label>
          <input id="slug" name="slug" required pattern="[a-z0-9]+(-[a-z0-9]+)*" placeholder="e.g. nato" />
          {fieldError("slug")}
        </div>
      )}
      <div className="field">
        <label htmlFor="name">Name</label>
        <input id="name" name="name" required defaultValue={initial?.name} />
        {fieldError("name")}
      </div>
      <div className="field">
        <label htmlFor="acronym">Acronym</label>
        <input id="acronym" name="acronym" defaultValue={initial?.acronym ?? ""} />
      </div>
      <Select name="kind" label="Kind" options={KINDS} value={initial?.kind} />
      <Select name="region" label="Region" options={REGIONS} value={initial?.region} />
      <Select name="status" label="Status" options={STATUSES} value={initial?.status} />
      {(["founded", "inForce", "ended"] as const).map((name) => (
        <div className="field" key={name}>
          <label htmlFor={name}>{{ founded: "Founded (signed)", inForce: "In force", ended: "Ended" }[name]}</label>
          {/* Text, not a date picker: a date may be known only to the month or year, or roughly. */}
          <input
            id={name}
            name={name}
            placeholder="YYYY, YYYY-MM, YYYY-MM-DD or c. YYYY"
            defaultValue={initial?.[name] ?? ""}
          />
          {fieldError(name)}
        </div>
      ))}
      <div className="field">
        <label htmlFor="headquarters">Headquarters</label>
        <input id="headquarters" name="headquarters" defaultValue={initial?.headquarters ?? ""} />
      </div>
      <div className="field field--wide">
        <label htmlFor="legalBasis">Legal basis</label>
        <input id="legalBasis" name="legalBasis" defaultValue={initial?.legalBasis ?? ""} />
      </div>
      <div className="field field--wide">
        <label htmlFor="summary">Summary</label>
        <textarea id="summary" name="summary" required rows={4} defaultValue={initial?.summary} />
        {fieldError("summary")}
      </div>
      <div className="field--wide">
        <FormStatus error={error} success={saved ? "Details saved." : null} />
        <button type="submit" className="button" disabled={pending}>
          {pending ? "Saving…" : initial ? "Save details" : "Create framework"}
        </button>
      </div>
    </form>
  );
}

function Select({
  name,
  label,
  options,
  value,
}: {
  name: string;
  label: string;
  options: Record<string, string>;
  value?: string;
}) {
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <select id={name} name={name} defaultValue={value} required>
        {Object.entries(options).map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
}
