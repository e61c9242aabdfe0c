"use client";

import { useState } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { useAction } from "@/components/ui/use-action";
import { restoreBriefing } from "@/lib/briefings/actions";
import type { BriefingListItem } from "@/lib/briefings/queries";
import type { BriefingClearanceState } from "@/lib/clearance/machine";
import { BriefingRow } from "./briefing-row";

export type BriefingListProps = {
  items: (BriefingListItem & { clearanceState?: BriefingClearanceState })[];
  label: string;
};

/** The briefings of one tab, with an "Undo" for the last one moved to the trash. */
export function BriefingList({ items, label }: BriefingListProps) {
  const [removed, setRemoved] = useState<BriefingListItem | null>(null);
  const undo = useAction(restoreBriefing);
  return (
    <>
      {removed ? (
        <div className="notice notice--undo" role="status">
          “{removed.title}” was moved to the trash.{" "}
          <button
            type="button"
            className="link-button"
            disabled={undo.pending}
            onClick={() => undo.run({ briefingId: removed.id }, () => setRemoved(null))}
          >
            Undo
          </button>
          <FormStatus error={undo.error} />
        </div>
      ) : null}
      {items.length ? (
        <ul className="briefing-list" aria-label={label}>
          {items.map((item) => (
            <BriefingRow key={item.id} item={item} onRemoved={setRemoved} />
          ))}
        </ul>
      ) : null}
    </>
  );
}
