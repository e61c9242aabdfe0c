"use client";

import { useEffect, useRef } from "react";
import { useAction } from "@/components/ui/use-action";
import { renameBriefing } from "@/lib/briefings/actions";

export type RenameFormProps = { briefingId: string; title: string; onDone: () => void; label?: string };

/** Inline title editor: Enter saves, Escape cancels; the error stays next to the field. */
export function RenameForm({ briefingId, title, onDone, label = "Title" }: RenameFormProps) {
  const { run, pending, error } = useAction(renameBriefing);
  const inputId = `rename-${briefingId}`;
  const input = useRef<HTMLInputElement>(null);
  // The user asked to rename: put the cursor in the field, with the old title selected.
  useEffect(() => input.current?.select(), []);
  return (
    <form
      className="rename-form"
      aria-label={`Rename ${title}`}
      onSubmit={(e) => {
        e.preventDefault();
        const next = String(new FormData(e.currentTarget).get("title") ?? "").trim();
        if (next === title) {
          onDone();
          return;
        }
        run({ briefingId, title: next }, () => onDone());
      }}
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.preventDefault();
          onDone();
        }
      }}
    >
      <label htmlFor={inputId} className="visually-hidden">
        {label}
      </label>
      <input
        id={inputId}
        name="title"
        defaultValue={title}
        required
        maxLength={200}
        ref={input}
        aria-invalid={error ? true : undefined}
      />
      <button type="submit" className="button button--small" disabled={pending}>
        {pending ? "Saving…" : "Save"}
      </button>
      <button type="button" className="button button--small button--secondary" onClick={onDone}>
        Cancel
      </button>
      {error ? (
        <span role="alert" className="field-error">
          {error}
        </span>
      ) : null}
    </form>
  );
}
