"use client";

import { FormStatus } from "@/components/ui/form-status";
import { useAction } from "@/components/ui/use-action";
import { setSuggestionsOnly } from "@/lib/briefings/actions";

export type SuggestionsOnlyToggleProps = { briefingId: string; on: boolean };

/** The owner's review switch: while on, editors can only suggest (the server enforces it). */
export function SuggestionsOnlyToggle({ briefingId, on }: SuggestionsOnlyToggleProps) {
  const { run, pending, error } = useAction(setSuggestionsOnly);
  return (
    <span className="suggestions-only">
      <label>
        <input
          type="checkbox"
          checked={on}
          disabled={pending}
          data-testid="suggestions-only"
          onChange={(e) => run({ briefingId, on: e.target.checked })}
        />{" "}
        Suggestions only for editors
      </label>
      <FormStatus error={error} />
    </span>
  );
}
