import type { Db } from "@/lib/db";
import { displayDateTime } from "@/lib/export/text";
import type { ExportClearance } from "@/lib/export/types";
import { versionLabel } from "@/lib/versions/label";
import { ANSWER_LABELS, briefingClearanceState, CLEARANCE_STATE_LABELS } from "./machine";
import { type ClearanceView, loadClearance } from "./queries";

const at = (iso: string) => displayDateTime(new Date(iso));

/** A clearance view as an export prints it; `exportsVersion` = the file holds the cleared version itself. */
export function toExportClearance(view: ClearanceView, exportsVersion: boolean): ExportClearance {
  const stale = view.stale && !exportsVersion;
  const by = (person: { name: string } | null) => (person ? ` by ${person.name}` : "");
  let outcome: string | null = null;
  if (view.clearedAt) {
    outcome = `${view.override ? "Finalized over dissent" : "Cleared"}${by(view.finalizedBy)}, ${at(view.clearedAt)}`;
    if (view.releasedAt) outcome += `; released ${at(view.releasedAt)}`;
    if (stale) outcome += ". The text in this file changed after the cleared version.";
  }
  return {
    version: versionLabel(view.version),
    state: CLEARANCE_STATE_LABELS[briefingClearanceState({ state: view.state, stale })],
    mode: view.mode === "sequential" ? "in sequence" : "in parallel",
    requestedBy: view.requestedBy?.name ?? "Former user",
    requestedAt: at(view.createdAt),
    due: at(view.due),
    clearers: view.steps.map((step) => ({
      name: step.clearer.kind === "team" ? `${step.clearer.name} (team)` : step.clearer.name,
      answer: step.answer ? ANSWER_LABELS[step.answer] : "No answer",
      by: step.answeredBy && step.answeredBy.id !== step.clearer.id ? step.answeredBy.name : null,
      at: step.answeredAt ? at(step.answeredAt) : null,
      comment: step.comment,
    })),
    outcome,
    dissent: view.override ? view.dissent : null,
  };
}

/**
 * The clearance an export prints. A version's export: the latest clearance of that version. The
 * current text's export: the briefing's latest clearance overall (the state the briefing shows),
 * marked stale when the text changed since. Withdrawn clearances are never printed. No
 * authorization here: exports are authorized before (briefing:read).
 */
export async function loadExportClearance(
  db: Db,
  briefingId: string,
  versionId: string | undefined,
  now: Date,
): Promise<ExportClearance | null> {
  const latest = await db.clearance.findFirst({
    where: { briefingId, ...(versionId ? { versionId } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, state: true },
  });
  if (!latest || latest.state === "withdrawn") return null;
  return toExportClearance(await loadClearance(db, latest.id, now), Boolean(versionId));
}
