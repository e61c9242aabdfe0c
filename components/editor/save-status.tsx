import type { SaveStatus } from "@/lib/collab/save-status";

const LABELS: Record<SaveStatus, { text: string; hint: string }> = {
  saving: { text: "Saving…", hint: "Your latest changes are on their way to the server." },
  saved: { text: "Saved", hint: "Every change is stored on the server." },
  offline: {
    text: "Offline",
    hint: "Changes are kept on this device and merged when the connection is back.",
  },
  unsaved: { text: "Not saved, retrying", hint: "The server could not store the latest changes yet; it keeps trying." },
  "read-only": { text: "Read-only", hint: "You can read this briefing but not change it." },
};

export type SaveStatusBadgeProps = {
  status: SaveStatus;
  /** Why the server stopped taking changes (shown instead of "Offline"); see useCollaboration. */
  problem?: string | null;
};

/** The save status, announced politely to screen readers when it changes. */
export function SaveStatusBadge({ status, problem }: SaveStatusBadgeProps) {
  const { text, hint } = problem && status === "offline" ? { text: "Not saved", hint: problem } : LABELS[status];
  return (
    <output className={`save-status save-status--${status}`} aria-live="polite" title={hint} data-testid="save-status">
      <span className="save-status__dot" aria-hidden="true" />
      {text}
    </output>
  );
}
