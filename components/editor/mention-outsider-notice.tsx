"use client";

import { useState } from "react";
import { shareWithMentioned } from "@/lib/mentions/actions";
import type { MentionItem } from "./mention-list";

export type MentionOutsiderNoticeProps = { briefingId: string; person: MentionItem; onClose: () => void };

/**
 * Shown after mentioning someone who cannot read the briefing: offers to share it with them as a
 * commenter when the caller may share, otherwise says who can. The mention stays either way.
 */
export function MentionOutsiderNotice({ briefingId, person, onClose }: MentionOutsiderNoticeProps) {
  const [state, setState] = useState<{ kind: "idle" | "busy" | "done" } | { kind: "error"; message: string }>({
    kind: "idle",
  });
  const share = async () => {
    setState({ kind: "busy" });
    const result = await shareWithMentioned({ briefingId, userId: person.id });
    setState(result.ok ? { kind: "done" } : { kind: "error", message: result.message });
  };
  if (state.kind === "done") {
    return (
      <div className="notice" role="status" data-testid="mention-outsider">
        Shared with {person.name} as a commenter: they can now read it and answer.{" "}
        <button type="button" className="link-button" onClick={onClose}>
          Dismiss
        </button>
      </div>
    );
  }
  return (
    <div className="notice notice--warning" role="alert" data-testid="mention-outsider">
      {person.name} cannot read this briefing, so they will not be notified.{" "}
      {person.canShare ? (
        <button
          type="button"
          className="button button--small"
          onClick={() => void share()}
          disabled={state.kind === "busy"}
        >
          {state.kind === "busy" ? "Sharing…" : `Share with ${person.name} as commenter`}
        </button>
      ) : (
        "Ask the owner or an editor to share it with them."
      )}{" "}
      <button type="button" className="link-button" onClick={onClose}>
        Dismiss
      </button>
      {state.kind === "error" ? <p>{state.message}</p> : null}
    </div>
  );
}
