"use client";

import { useSearchParams } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { useAction } from "@/components/ui/use-action";
import { saveComparison } from "@/lib/comparisons/actions";

export type SaveComparisonProps = { teams: { id: string; name: string }[] };

/** "Save comparison": names the current view (its URL state) and stores it for the user or a team. */
export function SaveComparison({ teams }: SaveComparisonProps) {
  const searchParams = useSearchParams();
  const [open, setOpen] = useState(false);
  const [savedId, setSavedId] = useState<string | null>(null);
  const { run, pending, error } = useAction(saveComparison);
  const nameRef = useRef<HTMLInputElement>(null);
  // Opening the form moves focus to its first field.
  useEffect(() => {
    if (open) nameRef.current?.focus();
  }, [open]);
  if (!open) {
    return (
      <div className="save-comparison">
        <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
          Save comparison
        </button>
        {savedId ? (
          <span className="form-success" role="status">
            Saved. Briefings can embed it.
          </span>
        ) : null}
      </div>
    );
  }
  return (
    <form
      className="form form--inline save-comparison"
      aria-label="Save comparison"
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        run(
          { name: String(f.get("name")), state: searchParams.toString(), teamId: String(f.get("teamId") ?? "") },
          (data) => {
            setSavedId(data.id);
            setOpen(false);
          },
        );
      }}
    >
      <div className="field field--grow">
        <label htmlFor="comparison-name">Name</label>
        <input
          id="comparison-name"
          name="name"
          required
          maxLength={120}
          ref={nameRef}
          placeholder="e.g. Indo-Pacific alliances"
        />
      </div>
      <div className="field">
        <label htmlFor="comparison-team">Visible to</label>
        <select id="comparison-team" name="teamId" defaultValue="">
          <option value="">Only me</option>
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Saving…" : "Save"}
      </button>
      <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
        Cancel
      </button>
      <FormStatus error={error} />
    </form>
  );
}
