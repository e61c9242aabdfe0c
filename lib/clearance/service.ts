import { type Actor, authorizeBriefing, can, isShareLink } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { captureVersion } from "@/lib/versions/store";
import {
  applyAnswer,
  type ClearanceAnswer,
  type ClearanceFacts,
  ClearanceRuleError,
  type ClearanceState,
  finalize,
  release,
  withdraw,
} from "./machine";
import { notifyAnswered, notifyFinalized, notifyRequested } from "./notify";
import { loadClearance, loadFacts } from "./queries";
import type { AnswerClearanceInput, ClearerInput, RequestClearanceInput } from "./schema";
import { CLEARANCE_LIMITS } from "./schema";
import { currentContentHash } from "./stale";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

function userId(actor: Actor): string {
  if (!actor || isShareLink(actor)) throw new AppError("unauthorized", "Sign in to continue.");
  return actor.id;
}

/** A rule of the machine as the API's error (409 conflict, 403 forbidden). */
function asAppError(error: unknown): never {
  if (error instanceof ClearanceRuleError) throw new AppError(error.code, error.message);
  throw error;
}

async function event(
  db: Pick<Db, "clearanceEvent">,
  clearanceId: string,
  kind: string,
  actorId: string,
  now: Date,
  detail = "",
) {
  await db.clearanceEvent.create({
    data: { clearanceId, kind, actorId, detail: detail.slice(0, 500), createdAt: now },
  });
}

/**
 * Resolves the requested clearers to steps. Refused with a clear error (nothing written) when an
 * e-mail is unknown, a person cannot read the briefing, a team has no access to it, a clearer is
 * named twice or is the owner. We refuse rather than grant access silently: widening who may read
 * a briefing is the share dialog's decision, made knowingly by the owner.
 */
async function resolveClearers(db: Db, briefingId: string, ownerId: string, clearers: ClearerInput[]) {
  const steps: { userId: string | null; teamId: string | null }[] = [];
  const seen = new Set<string>();
  for (const clearer of clearers) {
    if ("email" in clearer) {
      const user = await db.user.findUnique({ where: { email: clearer.email }, select: { id: true } });
      if (!user) throw new AppError("unprocessable", `No account uses ${clearer.email}.`);
      if (user.id === ownerId)
        throw new AppError("unprocessable", "You lead this clearance: you cannot also clear it.");
      const reader = { id: user.id, isAdmin: false, catalogEditor: false };
      if (!(await can(db, reader, { action: "briefing:read", briefingId }))) {
        throw new AppError(
          "unprocessable",
          `${clearer.email} cannot read this briefing: share it with them (as commenter or above) first.`,
        );
      }
      if (seen.has(`u:${user.id}`)) throw new AppError("unprocessable", `${clearer.email} is named twice.`);
      seen.add(`u:${user.id}`);
      steps.push({ userId: user.id, teamId: null });
    } else {
      const grant = await db.briefingGrant.findFirst({
        where: { briefingId, teamId: clearer.teamId },
        select: { id: true },
      });
      if (!grant) {
        throw new AppError(
          "unprocessable",
          `Team ${clearer.teamId} has no access to this briefing: share it with the team first.`,
        );
      }
      if (seen.has(`t:${clearer.teamId}`))
        throw new AppError("unprocessable", `Team ${clearer.teamId} is named twice.`);
      seen.add(`t:${clearer.teamId}`);
      steps.push({ userId: null, teamId: clearer.teamId });
    }
  }
  return steps;
}

/**
 * The named version to clear: the one given (it must be named, and then no new name is taken), or
 * a new one of the current text, named `versionName` or after the time.
 */
async function versionToClear(
  db: Db,
  briefingId: string,
  { versionId, versionName }: Pick<RequestClearanceInput, "versionId" | "versionName">,
  requesterId: string,
  now: Date,
) {
  if (versionId === "current") {
    const name = versionName ?? `For clearance ${now.toISOString().slice(0, 16).replace("T", " ")} UTC`;
    const created = await captureVersion(db, briefingId, { kind: "named", name, createdById: requesterId, now });
    if (!created) throw new AppError("not_found", "No such briefing.");
    return created.id;
  }
  if (versionName) {
    throw new AppError("unprocessable", 'versionName names the current text: pass it with versionId "current".');
  }
  const version = await db.briefingVersion.findFirst({ where: { id: versionId, briefingId }, select: { kind: true } });
  if (!version) throw new AppError("not_found", "No such version.");
  if (version.kind !== "named") {
    throw new AppError("unprocessable", 'Clearance is of a named version: name this version first, or pass "current".');
  }
  return versionId;
}

/** Requests clearance of a named version (owner only). One open clearance per briefing. */
export async function requestClearance(
  db: Db,
  actor: Actor,
  briefingId: string,
  input: RequestClearanceInput,
  now: Date,
) {
  await authorizeBriefing(db, actor, briefingId, "manage-clearance");
  const requesterId = userId(actor);
  const due = new Date(input.due);
  if (due.getTime() <= now.getTime()) throw new AppError("unprocessable", "The deadline must be in the future.");
  if (due.getTime() > now.getTime() + CLEARANCE_LIMITS.maxDueDays * 86_400_000) {
    throw new AppError("unprocessable", `The deadline can be at most ${CLEARANCE_LIMITS.maxDueDays} days ahead.`);
  }
  const briefing = await db.briefing.findUniqueOrThrow({ where: { id: briefingId }, select: { ownerId: true } });
  if (await db.clearance.findUnique({ where: { openKey: briefingId }, select: { id: true } })) {
    throw new AppError("conflict", "This briefing already has a clearance in progress: finalize or withdraw it first.");
  }
  if ((await db.clearance.count({ where: { briefingId } })) >= CLEARANCE_LIMITS.perBriefing) {
    throw new AppError(
      "conflict",
      `This briefing already has ${CLEARANCE_LIMITS.perBriefing} clearances, the most it keeps.`,
    );
  }
  const steps = await resolveClearers(db, briefingId, briefing.ownerId, input.clearers);
  const versionId = await versionToClear(db, briefingId, input, requesterId, now);
  let id: string;
  try {
    id = await db.$transaction(async (tx) => {
      const created = await tx.clearance.create({
        data: {
          briefingId,
          versionId,
          mode: input.mode,
          state: "in_clearance",
          openKey: briefingId,
          dueAt: due,
          requestedById: requesterId,
          createdAt: now,
          steps: { create: steps.map((step, order) => ({ ...step, order })) },
        },
        select: { id: true },
      });
      await event(tx, created.id, "requested", requesterId, now, `${input.mode}, ${steps.length} clearer(s)`);
      return created.id;
    });
  } catch (error) {
    // Two requests at once: the unique openKey lets one through.
    if ((error as { code?: string }).code === "P2002") {
      throw new AppError(
        "conflict",
        "This briefing already has a clearance in progress: finalize or withdraw it first.",
      );
    }
    throw error;
  }
  await notifyRequested(db, id, requesterId);
  return loadClearance(db, id, now);
}

/** The step the actor answers for: the first pending step naming them or a team of theirs (through can()). */
async function stepFor(db: Db, actor: Actor, clearance: NonNullable<Awaited<ReturnType<typeof loadFacts>>>) {
  let answered = false;
  for (const step of clearance.rows) {
    const clearer = { userId: step.userId, teamId: step.teamId };
    if (!(await can(db, actor, { action: "clearance:answer", briefingId: clearance.briefingId, clearer }))) continue;
    if (step.answer === null) return step;
    answered = true;
  }
  // Someone who cannot read the briefing learns nothing (not_found); a read-only token is told so.
  await authorizeBriefing(db, actor, clearance.briefingId, "read");
  if (actor && !isShareLink(actor) && actor.tokenScope === "read") {
    throw new AppError("forbidden", "This token is read-only: answering a clearance needs a write token.");
  }
  if (answered) throw new AppError("conflict", "You have already answered this clearance.");
  throw new AppError("forbidden", "You are not a clearer of this clearance.");
}

/** Answers for the actor's step: concur, concur with comments (a comment required) or non-concur. */
export async function answerClearance(
  db: Db,
  actor: Actor,
  clearanceId: string,
  input: AnswerClearanceInput,
  now: Date,
) {
  const clearance = await loadFacts(db, clearanceId);
  if (!clearance) throw new AppError("not_found", "No such clearance.");
  const step = await stepFor(db, actor, clearance);
  const answererId = userId(actor);
  if (input.answer === "concur_with_comments" && !input.comment) {
    throw new AppError("unprocessable", "Concur with comments needs the comments.");
  }
  let state: ClearanceState;
  try {
    ({ state } = applyAnswer(clearance.facts, step.order, input.answer, now));
  } catch (error) {
    asAppError(error);
  }
  await db.$transaction(async (tx: Tx) => {
    const written = await tx.clearanceStep.updateMany({
      where: { id: step.id, answer: null },
      data: { answer: input.answer, comment: input.comment || null, answeredById: answererId, answeredAt: now },
    });
    if (written.count !== 1) throw new AppError("conflict", "This clearer has already answered.");
    // Still open? (An empty update counts no rows, so an answer that does not clear only checks.)
    const open =
      state === "cleared"
        ? (
            await tx.clearance.updateMany({
              where: { id: clearanceId, state: "in_clearance" },
              data: { state, openKey: null, clearedAt: now },
            })
          ).count
        : await tx.clearance.count({ where: { id: clearanceId, state: "in_clearance" } });
    if (open !== 1) throw new AppError("conflict", "This clearance is no longer open for answers.");
    await event(tx, clearanceId, "answered", answererId, now, input.answer);
    if (state === "cleared") await event(tx, clearanceId, "cleared", answererId, now);
  });
  await notifyAnswered(db, clearanceId, answererId, input.answer as ClearanceAnswer, state);
  return loadClearance(db, clearanceId, now);
}

async function ownedFacts(db: Db, actor: Actor, clearanceId: string) {
  const clearance = await loadFacts(db, clearanceId);
  if (!clearance) throw new AppError("not_found", "No such clearance.");
  await authorizeBriefing(db, actor, clearance.briefingId, "manage-clearance");
  return clearance;
}

/** Moves a clearance from `from` to new data, atomically (a concurrent change loses with a conflict). */
async function transition(
  db: Db,
  clearanceId: string,
  from: ClearanceFacts["state"],
  data: Record<string, unknown>,
  audit: { kind: string; actorId: string; now: Date; detail?: string },
) {
  await db.$transaction(async (tx: Tx) => {
    const moved = await tx.clearance.updateMany({ where: { id: clearanceId, state: from }, data });
    if (moved.count !== 1) throw new AppError("conflict", "This clearance changed meanwhile; reload and try again.");
    await event(tx, clearanceId, audit.kind, audit.actorId, audit.now, audit.detail);
  });
}

/** The lead clears over missing or non-concurring answers, with the dissent recorded. */
export async function finalizeClearance(
  db: Db,
  actor: Actor,
  clearanceId: string,
  dissent: string | undefined,
  now: Date,
) {
  const clearance = await ownedFacts(db, actor, clearanceId);
  const leadId = userId(actor);
  let override = false;
  try {
    ({ override } = finalize(clearance.facts, dissent ?? null));
  } catch (error) {
    asAppError(error);
  }
  const data = {
    state: "cleared",
    openKey: null,
    clearedAt: now,
    finalizedById: leadId,
    override,
    dissent: dissent || null,
  };
  await transition(db, clearanceId, "in_clearance", data, {
    kind: override ? "finalized_override" : "finalized",
    actorId: leadId,
    now,
    detail: dissent ?? "",
  });
  await notifyFinalized(db, clearanceId, leadId);
  return loadClearance(db, clearanceId, now);
}

/** Marks a cleared, current (not stale) version as released. */
export async function releaseClearance(db: Db, actor: Actor, clearanceId: string, now: Date) {
  const clearance = await ownedFacts(db, actor, clearanceId);
  const stale = clearance.versionHash !== (await currentContentHash(db, clearance.briefingId));
  try {
    release(clearance.facts, stale);
  } catch (error) {
    asAppError(error);
  }
  const leadId = userId(actor);
  await transition(
    db,
    clearanceId,
    "cleared",
    { state: "released", releasedById: leadId, releasedAt: now },
    {
      kind: "released",
      actorId: leadId,
      now,
    },
  );
  return loadClearance(db, clearanceId, now);
}

/** Withdraws a clearance in clearance or cleared (the briefing is a draft again). */
export async function withdrawClearance(db: Db, actor: Actor, clearanceId: string, now: Date) {
  const clearance = await ownedFacts(db, actor, clearanceId);
  try {
    withdraw(clearance.facts);
  } catch (error) {
    asAppError(error);
  }
  const leadId = userId(actor);
  await transition(
    db,
    clearanceId,
    clearance.facts.state,
    { state: "withdrawn", openKey: null, withdrawnAt: now },
    {
      kind: "withdrawn",
      actorId: leadId,
      now,
    },
  );
  return loadClearance(db, clearanceId, now);
}
