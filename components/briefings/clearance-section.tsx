import { ANSWER_LABELS, type BriefingClearanceState, CLEARANCE_STATE_LABELS } from "@/lib/clearance/machine";
import type { ClearanceRequestOptions, ClearanceView } from "@/lib/clearance/queries";
import { ClearanceAnswerForm, ClearanceLeadActions, RequestClearanceForm } from "./clearance-forms";

export type ClearanceSectionProps = {
  briefingId: string;
  state: BriefingClearanceState;
  latest: ClearanceView | null;
  /** The owner's request form and decisions (briefing:manage-clearance); null for everyone else. */
  manage: ClearanceRequestOptions | null;
  /** The step the viewer may answer now (through can()), or null. */
  answerStep: number | null;
};

const time = (iso: string) => new Date(iso).toUTCString().replace(/:\d\d GMT$/, " UTC");

/** The briefing's clearance state as a badge (page header; lists use the same labels). */
export function ClearanceBadge({ state }: { state: BriefingClearanceState }) {
  const tone = state === "stale" ? " badge--warning" : "";
  return (
    <span className={`badge${tone}`} data-testid="clearance-state">
      {CLEARANCE_STATE_LABELS[state]}
    </span>
  );
}

const TRACK = ["draft", "in_clearance", "cleared", "released"] as const;

/** Draft -> In clearance -> Cleared -> Released, the current state marked (stale counts as cleared). */
function StateTrack({ state }: { state: BriefingClearanceState }) {
  const current = state === "stale" ? "cleared" : state;
  return (
    <ol className="clearance__track" aria-label="Clearance states">
      {TRACK.map((s) => (
        <li key={s} aria-current={s === current ? "step" : undefined}>
          {CLEARANCE_STATE_LABELS[s]}
        </li>
      ))}
    </ol>
  );
}

/**
 * The latest clearance chain: who clears, in which order, their answers and comments, the lead's
 * dissent when overridden; the viewer's answer form when it is their turn; the owner's request
 * form and decisions.
 */
export function ClearanceSection({ briefingId, state, latest, manage, answerStep }: ClearanceSectionProps) {
  const shown = latest && latest.state !== "withdrawn" ? latest : null;
  const open = shown?.state === "in_clearance";
  const answering = shown && answerStep !== null ? shown.steps.find((s) => s.order === answerStep) : undefined;
  return (
    <section id="clearance" aria-labelledby="clearance-heading" className="clearance">
      <h2 id="clearance-heading">
        Clearance <ClearanceBadge state={state} />
      </h2>
      <StateTrack state={state} />
      {!shown ? (
        <p className="muted">No clearance in progress.</p>
      ) : (
        <>
          <p className="muted">
            Version {shown.version.name ?? time(shown.version.createdAt)}, {shown.mode}, due {time(shown.due)}
            {shown.overdue ? " (overdue)" : ""}
          </p>
          {shown.stale ? (
            <p className="notice notice--warning" role="status">
              The text changed after this version was cleared: request clearance of the new text before release.
            </p>
          ) : null}
          <ol className="clearance__steps" aria-label="Clearers">
            {shown.steps.map((step) => (
              <li key={step.order} data-testid="clearance-step">
                <strong>{step.clearer.name}</strong>
                {step.clearer.kind === "team" ? " (team)" : ""}:{" "}
                {step.answer ? ANSWER_LABELS[step.answer] : step.answerable ? "awaiting answer" : "waiting"}
                {step.answeredBy && step.answeredAt ? ` (${step.answeredBy.name}, ${time(step.answeredAt)})` : ""}
                {step.comment ? <blockquote>{step.comment}</blockquote> : null}
              </li>
            ))}
          </ol>
          {shown.clearedAt ? (
            <p>
              {shown.override ? "Finalized over dissent" : "Cleared"}
              {shown.finalizedBy ? ` by ${shown.finalizedBy.name}` : ""}, {time(shown.clearedAt)}
              {shown.releasedAt ? `; released ${time(shown.releasedAt)}` : ""}
            </p>
          ) : null}
          {shown.override && shown.dissent ? (
            <div data-testid="clearance-dissent">
              <strong>Dissent recorded:</strong>
              <blockquote>{shown.dissent}</blockquote>
            </div>
          ) : null}
          {answering ? <ClearanceAnswerForm clearanceId={shown.id} clearerName={answering.clearer.name} /> : null}
          {manage && (shown.state === "in_clearance" || shown.state === "cleared") ? (
            <ClearanceLeadActions clearanceId={shown.id} state={shown.state} stale={shown.stale} />
          ) : null}
        </>
      )}
      {manage && !open ? (
        <details className="clearance__request">
          <summary>{shown ? "Request clearance of a new version" : "Request clearance"}</summary>
          <RequestClearanceForm briefingId={briefingId} options={manage} />
        </details>
      ) : null}
    </section>
  );
}
