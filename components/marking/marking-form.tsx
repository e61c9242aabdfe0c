"use client";

import { useState } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { useAction } from "@/components/ui/use-action";
import { setBriefingMarking } from "@/lib/marking/actions";
import type { AuthorityBlock } from "@/lib/marking/authority";
import { AccreditationNotice } from "./accreditation-notice";

export type MarkingFormProps = {
  briefingId: string;
  profiles: { key: string; name: string; description: string }[];
  profile: string | null;
  authority: AuthorityBlock;
  canEdit: boolean;
};

/** Picks the briefing's marking profile and fills its authority block (the banner itself is computed). */
export function MarkingForm({ briefingId, profiles, profile, authority, canEdit }: MarkingFormProps) {
  const { run, pending, error } = useAction(setBriefingMarking);
  const [saved, setSaved] = useState<string | null>(null);
  const [chosen, setChosen] = useState(profile ?? "");
  const description = profiles.find((p) => p.key === chosen)?.description;
  return (
    <form
      className="form marking-form"
      aria-label="Marking"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const text = (name: string) => String(form.get(name) ?? "");
        setSaved(null);
        run(
          {
            briefingId,
            profile: chosen,
            authority: {
              classifiedBy: text("classifiedBy"),
              derivedFrom: text("derivedFrom").split("\n"),
              declassifyOn: text("declassifyOn"),
            },
          },
          () => setSaved("Marking saved."),
        );
      }}
    >
      <AccreditationNotice />
      <div className="field">
        <label htmlFor="marking-profile">Marking profile</label>
        <select
          id="marking-profile"
          value={chosen}
          disabled={!canEdit}
          onChange={(event) => setChosen(event.target.value)}
        >
          <option value="">None (the free-text marking below is printed)</option>
          {profiles.map((p) => (
            <option key={p.key} value={p.key}>
              {p.name}
            </option>
          ))}
        </select>
        {description ? <p className="muted">{description}</p> : null}
      </div>
      <fieldset disabled={!canEdit}>
        <legend>Authority block</legend>
        <div className="field">
          <label htmlFor="marking-classified-by">Classified By</label>
          <input id="marking-classified-by" name="classifiedBy" maxLength={200} defaultValue={authority.classifiedBy} />
        </div>
        <div className="field">
          <label htmlFor="marking-derived-from">
            Derived From (one source a line; several print as “Multiple Sources”)
          </label>
          <textarea
            id="marking-derived-from"
            name="derivedFrom"
            rows={3}
            defaultValue={authority.derivedFrom.join("\n")}
          />
        </div>
        <div className="field">
          <label htmlFor="marking-declassify-on">Declassify On</label>
          <input id="marking-declassify-on" name="declassifyOn" maxLength={100} defaultValue={authority.declassifyOn} />
        </div>
      </fieldset>
      {canEdit ? (
        <button type="submit" className="button button--secondary" disabled={pending}>
          {pending ? "Saving…" : "Save profile and authority"}
        </button>
      ) : null}
      <FormStatus error={error} success={saved} />
    </form>
  );
}
