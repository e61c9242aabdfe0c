"use client";

import { useState } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { useAction } from "@/components/ui/use-action";
import { setBriefingClassification } from "@/lib/briefings/classification";

export type ClassificationFormProps = { briefingId: string; classification: string; canEdit: boolean };

/** Sets the marking printed on the title page and on every page of the exports. */
export function ClassificationForm({ briefingId, classification, canEdit }: ClassificationFormProps) {
  const { run, pending, error } = useAction(setBriefingClassification);
  const [saved, setSaved] = useState<string | null>(null);
  if (!canEdit) {
    return <p>Marking: {classification ? <strong>{classification}</strong> : <span className="muted">none</span>}</p>;
  }
  return (
    <form
      className="form form--inline"
      onSubmit={(event) => {
        event.preventDefault();
        const value = String(new FormData(event.currentTarget).get("classification") ?? "");
        setSaved(null);
        run({ briefingId, classification: value }, (data) =>
          setSaved(data.classification ? `Marking set to “${data.classification}”.` : "Marking removed."),
        );
      }}
    >
      <div className="field field--grow">
        <label htmlFor="briefing-classification">Classification marking</label>
        <input
          id="briefing-classification"
          name="classification"
          maxLength={120}
          defaultValue={classification}
          placeholder="e.g. UNCLASSIFIED // FOR OFFICIAL USE"
        />
      </div>
      <button type="submit" className="button button--secondary" disabled={pending}>
        {pending ? "Saving…" : "Save marking"}
      </button>
      <FormStatus error={error} success={saved} />
    </form>
  );
}
