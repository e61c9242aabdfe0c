import type { AccessState } from "@/lib/collab/reauth";
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

// A closed connection is not "Offline" when the server closed it on purpose: say why instead.
const ACCESS_LABELS: Record<Exclude<AccessState, "ok">, { text: string; hint: string }> = {
  revoked: {
    text: "No access",
    hint: "Your access to this briefing was removed; changes since the last save are kept on this device only.",
  },
  "signed-out": { text: "Signed out", hint: "Your session expired: sign in again to keep saving." },
};

export type SaveStatusBadgeProps = {
  status: SaveStatus;
  /** Why the server stopped taking changes (shown instead of "Offline"); see useCollaboration. */
  problem?: string | null;
  access?: AccessState;
};

/** The save status (or why saving stopped), announced politely to screen readers when it changes. */
export function SaveStatusBadge({ status, problem, access = "ok" }: SaveStatusBadgeProps) {
  const { text, hint } =
    access !== "ok"
      ? ACCESS_LABELS[access]
      : problem && status === "offline"
        ? { text: "Not saved", hint: problem }
        : LABELS[status];
  const modifier = access === "ok" ? status : access;
  return (
    <output
      className={`save-status save-status--${modifier}`}
      aria-live="polite"
      title={hint}
      data-testid="save-status"
    >
      <span className="save-status__dot" aria-hidden="true" />
      {text}
    </output>
  );
}
