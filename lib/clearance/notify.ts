import type { Db } from "@/lib/db";
import { type NotificationDraft, notifyReaders } from "@/lib/notifications/create";
import type { NotificationKind } from "@/lib/notifications/kinds";
import { MAX_RECIPIENTS_PER_EVENT } from "@/lib/notifications/kinds";
import { ANSWER_LABELS, answerableSteps, type ClearanceAnswer, type ClearanceState } from "./machine";
import { loadFacts } from "./queries";

/** How often the deadline sweep runs, and how many overdue clearances one round handles. */
export const DEADLINE_SWEEP_MS = 5 * 60_000;
export const DEADLINE_SWEEP_BATCH = 100;

type StepRow = { order: number; userId: string | null; teamId: string | null };

/** The users behind steps: the named user, or the members of the named team (capped). */
async function usersOf(db: Db, steps: StepRow[]): Promise<string[]> {
  const ids = new Set<string>();
  for (const step of steps) {
    if (step.userId) ids.add(step.userId);
    if (step.teamId) {
      const members = await db.member.findMany({
        where: { organizationId: step.teamId },
        select: { userId: true },
        take: MAX_RECIPIENTS_PER_EVENT,
      });
      for (const m of members) ids.add(m.userId);
    }
  }
  return [...ids];
}

function drafts(
  userIds: string[],
  kind: NotificationKind,
  briefingId: string,
  actorId: string | null,
  excerpt: string,
): NotificationDraft[] {
  return userIds.map((userId) => ({ userId, kind, briefingId, actorId, excerpt }));
}

/** The steps that may answer now (everyone pending in parallel, the current one in sequence). */
async function currentClearers(db: Db, clearanceId: string) {
  const loaded = await loadFacts(db, clearanceId);
  if (!loaded) return null;
  const orders = new Set(answerableSteps(loaded.facts));
  return { loaded, steps: loaded.rows.filter((s) => orders.has(s.order)) };
}

/** Tells the clearers whose turn it is that their answer is asked for (readers only, via can()). */
export async function notifyRequested(db: Db, clearanceId: string, actorId: string | null): Promise<void> {
  const current = await currentClearers(db, clearanceId);
  if (!current) return;
  const users = await usersOf(db, current.steps);
  await notifyReaders(
    db,
    drafts(users, "clearance_requested", current.loaded.briefingId, actorId, "Your clearance is requested"),
  );
}

/** Tells the requester about an answer, and in a sequential chain the next clearer it is their turn. */
export async function notifyAnswered(
  db: Db,
  clearanceId: string,
  answererId: string,
  answer: ClearanceAnswer,
  state: ClearanceState,
): Promise<void> {
  const row = await db.clearance.findUnique({
    where: { id: clearanceId },
    select: { briefingId: true, requestedById: true, mode: true },
  });
  if (!row) return;
  const excerpt = state === "cleared" ? `${ANSWER_LABELS[answer]}: cleared` : ANSWER_LABELS[answer];
  if (row.requestedById) {
    await notifyReaders(db, drafts([row.requestedById], "clearance_answered", row.briefingId, answererId, excerpt));
  }
  if (row.mode === "sequential" && state === "in_clearance") await notifyRequested(db, clearanceId, row.requestedById);
}

/** Tells every clearer that the lead finalized (with or without override). */
export async function notifyFinalized(db: Db, clearanceId: string, leadId: string): Promise<void> {
  const loaded = await loadFacts(db, clearanceId);
  if (!loaded) return;
  const users = await usersOf(db, loaded.rows);
  await notifyReaders(
    db,
    drafts(users, "clearance_finalized", loaded.briefingId, leadId, "Clearance finalized by the lead"),
  );
}

/**
 * One deadline sweep: every clearance still in clearance after its deadline, not yet reported,
 * is claimed (so concurrent instances report it once), audited, and its requester and current
 * clearers are told. Returns how many were reported.
 */
export async function notifyOverdueClearances(db: Db, now: Date): Promise<number> {
  const due = await db.clearance.findMany({
    where: { state: "in_clearance", dueAt: { lt: now }, overdueNotifiedAt: null },
    select: { id: true, briefingId: true, requestedById: true },
    orderBy: { dueAt: "asc" },
    take: DEADLINE_SWEEP_BATCH,
  });
  let reported = 0;
  for (const clearance of due) {
    const claimed = await db.clearance.updateMany({
      where: { id: clearance.id, overdueNotifiedAt: null },
      data: { overdueNotifiedAt: now },
    });
    if (claimed.count !== 1) continue;
    await db.clearanceEvent.create({ data: { clearanceId: clearance.id, kind: "overdue", createdAt: now } });
    const current = await currentClearers(db, clearance.id);
    const users = await usersOf(db, current?.steps ?? []);
    if (clearance.requestedById) users.push(clearance.requestedById);
    await notifyReaders(
      db,
      drafts(users, "clearance_overdue", clearance.briefingId, null, "Clearance deadline passed"),
    );
    reported++;
  }
  return reported;
}

/** Runs the deadline sweep every DEADLINE_SWEEP_MS; returns a stop function. */
export function startClearanceDeadlines(db: Db, clock: () => Date = () => new Date()): () => void {
  const timer = setInterval(() => {
    notifyOverdueClearances(db, clock()).catch((error) => console.error("clearance deadline sweep failed", error));
  }, DEADLINE_SWEEP_MS);
  timer.unref();
  return () => clearInterval(timer);
}
