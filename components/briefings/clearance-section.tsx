import { ANSWER_LABELS, type BriefingClearanceState, CLEARANCE_STATE_LABELS } from "@/lib/clearance/machine";
import type { ClearanceView } from "@/lib/clearance/queries";

export type ClearanceSectionProps = { state: BriefingClearanceState; latest: ClearanceView | null };

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

/**
 * The latest clearance chain, read-only: who clears, in which order, their answers and comments,
 * the lead's dissent when overridden. Requests and answers go through /api/v1 (docs/api.md) for now.
 */
export function ClearanceSection({ state, latest }: ClearanceSectionProps) {
  return (
    <section id="clearance" aria-labelledby="clearance-heading" className="clearance">
      <h2 id="clearance-heading">
        Clearance <ClearanceBadge state={state} />
      </h2>
      {!latest || latest.state === "withdrawn" ? (
        <p className="muted">No clearance in progress.</p>
      ) : (
        <>
          <p className="muted">
            Version {latest.version.name ?? time(latest.version.createdAt)}, {latest.mode}, due {time(latest.due)}
            {latest.overdue ? " (overdue)" : ""}
          </p>
          <ol className="clearance__steps">
            {latest.steps.map((step) => (
              <li key={step.order}>
                <strong>{step.clearer.name}</strong>
                {step.clearer.kind === "team" ? " (team)" : ""}:{" "}
                {step.answer ? ANSWER_LABELS[step.answer] : step.answerable ? "awaiting answer" : "waiting"}
                {step.answeredBy && step.answeredAt ? ` (${step.answeredBy.name}, ${time(step.answeredAt)})` : ""}
                {step.comment ? <blockquote>{step.comment}</blockquote> : null}
              </li>
            ))}
          </ol>
          {latest.override && latest.dissent ? (
            <p>
              Finalized over dissent by {latest.finalizedBy?.name ?? "the lead"}: {latest.dissent}
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
