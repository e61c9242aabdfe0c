"use client";

import { FormStatus } from "@/components/ui/form-status";
import { useAction } from "@/components/ui/use-action";
import { restoreBriefing } from "@/lib/briefings/actions";

export type RestoreButtonProps = { briefingId: string; title: string };

/** Takes a briefing out of the trash. */
export function RestoreButton({ briefingId, title }: RestoreButtonProps) {
  const { run, pending, error } = useAction(restoreBriefing);
  return (
    <>
      <button
        type="button"
        className="button button--small"
        disabled={pending}
        aria-label={`Restore ${title}`}
        onClick={() => run({ briefingId })}
      >
        {pending ? "Restoring…" : "Restore"}
      </button>
      <FormStatus error={error} />
    </>
  );
}
