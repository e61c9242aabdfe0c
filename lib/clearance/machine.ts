/**
 * The clearance chain as a pure state machine: no database, no clock of its own (every transition
 * takes `now`), so the rules are tested on plain data and the service only loads, applies, saves.
 *
 * Briefing states: Draft (no open or finished clearance) -> In clearance -> Cleared -> Released.
 * A clearance can also be withdrawn by the owner (back to Draft). A cleared or released clearance
 * is stale when the briefing's text no longer equals the cleared version (content hashes differ).
 */

export const CLEARANCE_MODES = ["sequential", "parallel"] as const;
export type ClearanceMode = (typeof CLEARANCE_MODES)[number];

export const CLEARANCE_STATES = ["in_clearance", "cleared", "released", "withdrawn"] as const;
export type ClearanceState = (typeof CLEARANCE_STATES)[number];

export const CLEARANCE_ANSWERS = ["concur", "concur_with_comments", "non_concur"] as const;
export type ClearanceAnswer = (typeof CLEARANCE_ANSWERS)[number];

/** The state a briefing shows (badge, list filter): "draft" when no clearance applies. */
export const BRIEFING_CLEARANCE_STATES = ["draft", "in_clearance", "cleared", "released", "stale"] as const;
export type BriefingClearanceState = (typeof BRIEFING_CLEARANCE_STATES)[number];

export const CLEARANCE_STATE_LABELS: Record<BriefingClearanceState, string> = {
  draft: "Draft",
  in_clearance: "In clearance",
  cleared: "Cleared",
  released: "Released",
  stale: "Cleared, text changed since",
};

export const ANSWER_LABELS: Record<ClearanceAnswer, string> = {
  concur: "Concur",
  concur_with_comments: "Concur with comments",
  non_concur: "Non-concur",
};

/** One clearer of a chain, as the machine sees it. */
export type StepFacts = {
  order: number;
  answer: ClearanceAnswer | null;
  answeredAt: Date | null;
};

/** A clearance, as the machine sees it. */
export type ClearanceFacts = {
  mode: ClearanceMode;
  state: ClearanceState;
  dueAt: Date;
  steps: StepFacts[];
};

/** Why a transition is refused: a code for the HTTP status and a sentence for the user. */
export class ClearanceRuleError extends Error {
  constructor(
    readonly code: "conflict" | "forbidden",
    message: string,
  ) {
    super(message);
    this.name = "ClearanceRuleError";
  }
}

function refuse(message: string, code: "conflict" | "forbidden" = "conflict"): never {
  throw new ClearanceRuleError(code, message);
}

const isConcurrence = (answer: ClearanceAnswer | null) => answer === "concur" || answer === "concur_with_comments";

function sorted(steps: StepFacts[]): StepFacts[] {
  return [...steps].sort((a, b) => a.order - b.order);
}

/**
 * The orders of the steps that may answer now: none unless in clearance; in parallel mode every
 * unanswered step; in sequential mode the first unanswered step, and none once a clearer did not
 * concur (the chain waits for the lead to finalize or withdraw).
 */
export function answerableSteps(clearance: ClearanceFacts): number[] {
  if (clearance.state !== "in_clearance") return [];
  const steps = sorted(clearance.steps);
  if (clearance.mode === "parallel") return steps.filter((s) => s.answer === null).map((s) => s.order);
  for (const step of steps) {
    if (step.answer === null) return [step.order];
    if (!isConcurrence(step.answer)) return [];
  }
  return [];
}

/** Whether every clearer concurred (with or without comments). */
export function allConcurred(clearance: ClearanceFacts): boolean {
  return clearance.steps.length > 0 && clearance.steps.every((s) => isConcurrence(s.answer));
}

/** Whether the deadline has passed while the clearance is still in clearance. */
export function isOverdue(clearance: Pick<ClearanceFacts, "state" | "dueAt">, now: Date): boolean {
  return clearance.state === "in_clearance" && now.getTime() > clearance.dueAt.getTime();
}

/** The outcome of an answer: the answered step and the clearance's new state. */
export type AnswerOutcome = { step: StepFacts; state: ClearanceState };

/**
 * Records one clearer's answer. Refused when the clearance is not in clearance, when that step
 * already answered, or (sequential) when it is not that step's turn. The clearance becomes
 * Cleared when every clearer has concurred.
 */
export function applyAnswer(
  clearance: ClearanceFacts,
  order: number,
  answer: ClearanceAnswer,
  now: Date,
): AnswerOutcome & { clearance: ClearanceFacts } {
  if (clearance.state !== "in_clearance") refuse("This clearance is no longer open for answers.");
  const step = clearance.steps.find((s) => s.order === order);
  if (!step) refuse("You are not a clearer of this clearance.", "forbidden");
  if (step.answer !== null) refuse("This clearer has already answered.");
  if (!answerableSteps(clearance).includes(order)) {
    refuse(
      clearance.mode === "sequential"
        ? "It is not your turn yet: this chain is sequential and an earlier clearer has not concurred."
        : "This clearance does not take answers now.",
    );
  }
  const answered: StepFacts = { ...step, answer, answeredAt: now };
  const steps = clearance.steps.map((s) => (s.order === order ? answered : s));
  const next: ClearanceFacts = { ...clearance, steps };
  const state: ClearanceState = allConcurred(next) ? "cleared" : "in_clearance";
  return { step: answered, state, clearance: { ...next, state } };
}

/**
 * The lead's decision to clear over missing or non-concurring answers. Refused unless in
 * clearance; when not every clearer concurred, a dissent (why the lead overrides) is required and
 * the clearance is marked as an override.
 */
export function finalize(clearance: ClearanceFacts, dissent: string | null): { state: "cleared"; override: boolean } {
  if (clearance.state !== "in_clearance") refuse("Only a clearance in clearance can be finalized.");
  const override = !allConcurred(clearance);
  if (override && !dissent?.trim()) {
    refuse("Finalizing without every clearer's concurrence needs the dissent recorded: say why you override.");
  }
  return { state: "cleared", override };
}

/** Release of a cleared version; refused unless cleared, and when the text changed since (stale). */
export function release(clearance: Pick<ClearanceFacts, "state">, stale: boolean): "released" {
  if (clearance.state !== "cleared") refuse("Only a cleared clearance can be released.");
  if (stale) refuse("The text changed after this version was cleared: request clearance of the new text first.");
  return "released";
}

/** Withdrawal by the owner; refused once released or withdrawn. */
export function withdraw(clearance: Pick<ClearanceFacts, "state">): "withdrawn" {
  if (clearance.state === "released") refuse("A released clearance cannot be withdrawn.");
  if (clearance.state === "withdrawn") refuse("This clearance was already withdrawn.");
  return "withdrawn";
}

/** Whether a cleared or released clearance no longer matches the text (hashes of the JSON differ). */
export function isStale(state: ClearanceState, versionHash: string, currentHash: string | null): boolean {
  return (state === "cleared" || state === "released") && currentHash !== null && versionHash !== currentHash;
}

/**
 * The state a briefing shows, from its latest clearance (null = none): withdrawn counts as draft;
 * a stale cleared or released clearance shows as stale.
 */
export function briefingClearanceState(
  latest: { state: ClearanceState; stale: boolean } | null,
): BriefingClearanceState {
  if (!latest || latest.state === "withdrawn") return "draft";
  if (latest.stale) return "stale";
  return latest.state;
}
