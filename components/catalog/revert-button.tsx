"use client";

import { FormStatus } from "@/components/ui/form-status";
import { useAction } from "@/components/ui/use-action";
import { revertCatalogChange } from "@/lib/catalog/revert-actions";

export type RevertButtonProps = { changeId: string; what: string };

/** Undoes one history entry (catalog editors); the server refuses when the data changed since. */
export function RevertButton({ changeId, what }: RevertButtonProps) {
  const revert = useAction(revertCatalogChange);
  return (
    <>
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={revert.pending}
        aria-label={`Revert this change to ${what}`}
        onClick={() => {
          if (window.confirm(`Revert this change to "${what}"?`)) revert.run({ changeId });
        }}
      >
        {revert.pending ? "Reverting…" : "Revert"}
      </button>
      <FormStatus error={revert.error} />
    </>
  );
}
