"use client";

import Link from "next/link";
import { useState } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { useAction } from "@/components/ui/use-action";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { deleteBriefing } from "@/lib/briefings/actions";
import type { BriefingListItem } from "@/lib/briefings/queries";
import { type BriefingClearanceState, CLEARANCE_STATE_LABELS } from "@/lib/clearance/machine";
import { RenameForm } from "./rename-form";
import { RestoreButton } from "./restore-button";

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric" });

export type BriefingRowProps = {
  item: BriefingListItem & { clearanceState?: BriefingClearanceState };
  onRemoved: (item: BriefingListItem) => void;
};

/** One briefing in the list: open, rename in place, move to the trash, or restore from it. */
export function BriefingRow({ item, onRemoved }: BriefingRowProps) {
  const [renaming, setRenaming] = useState(false);
  const remove = useAction(deleteBriefing);
  const inTrash = item.deletedAt !== null;
  return (
    <li className="briefing-row" data-testid="briefing-row">
      <div className="briefing-row__main">
        {renaming ? (
          <RenameForm briefingId={item.id} title={item.title} onDone={() => setRenaming(false)} />
        ) : (
          <h2 className="briefing-row__title">
            {inTrash ? item.title : <Link href={`/briefings/${item.id}`}>{item.title}</Link>}
          </h2>
        )}
        <p className="briefing-row__meta muted">
          {ROLE_LABELS[item.role]} · {item.teamName ? `${item.teamName} · ` : ""}
          {item.ownerName} ·{" "}
          {inTrash && item.deletedAt
            ? `deleted ${dateFormat.format(new Date(item.deletedAt))}`
            : `updated ${dateFormat.format(new Date(item.updatedAt))}`}
          {item.clearanceState && item.clearanceState !== "draft" ? (
            <>
              {" "}
              <span className="badge" data-testid="clearance-state">
                {CLEARANCE_STATE_LABELS[item.clearanceState]}
              </span>
            </>
          ) : null}
        </p>
        {item.preview ? <p className="briefing-row__preview">{item.preview}</p> : null}
      </div>
      <div className="briefing-row__actions">
        {inTrash ? (
          <RestoreButton briefingId={item.id} title={item.title} />
        ) : (
          <>
            {item.canRename && !renaming ? (
              <button
                type="button"
                className="button button--small button--secondary"
                aria-label={`Rename ${item.title}`}
                onClick={() => setRenaming(true)}
              >
                Rename
              </button>
            ) : null}
            {item.canDelete ? (
              <button
                type="button"
                className="button button--small button--secondary"
                aria-label={`Move ${item.title} to the trash`}
                disabled={remove.pending}
                onClick={() => remove.run({ briefingId: item.id }, () => onRemoved(item))}
              >
                {remove.pending ? "Deleting…" : "Delete"}
              </button>
            ) : null}
          </>
        )}
        <FormStatus error={remove.error} />
      </div>
    </li>
  );
}
