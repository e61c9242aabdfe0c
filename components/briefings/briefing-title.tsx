"use client";

import { useState } from "react";
import { RenameForm } from "./rename-form";

export type BriefingTitleProps = { briefingId: string; title: string; canRename: boolean };

/** The briefing's title as the page heading, renamed in place by those who may edit. */
export function BriefingTitle({ briefingId, title, canRename }: BriefingTitleProps) {
  const [editing, setEditing] = useState(false);
  if (editing) {
    return (
      <div className="briefing-title briefing-title--editing">
        <RenameForm briefingId={briefingId} title={title} label="Briefing title" onDone={() => setEditing(false)} />
      </div>
    );
  }
  return (
    <div className="briefing-title">
      <h1>{title}</h1>
      {canRename ? (
        <button
          type="button"
          className="button button--small button--secondary"
          aria-label={`Rename ${title}`}
          onClick={() => setEditing(true)}
        >
          Rename
        </button>
      ) : null}
    </div>
  );
}
