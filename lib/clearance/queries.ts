import { type Actor, authorizeBriefing, can } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/sqlite/client";
import { AppError } from "@/lib/errors";
import {
  answerableSteps,
  type BriefingClearanceState,
  briefingClearanceState,
  type ClearanceAnswer,
  type ClearanceFacts,
  type ClearanceMode,
  type ClearanceState,
  isOverdue,
  isStale,
} from "./machine";
import { currentContentHash } from "./stale";

type Person = { id: string; name: string };

/** One clearer of a chain as the API and the page show it. */
export type ClearanceStepView = {
  order: number;
  clearer: { kind: "user"; id: string; name: string } | { kind: "team"; id: string; name: string };
  answer: ClearanceAnswer | null;
  comment: string | null;
  answeredBy: Person | null;
  answeredAt: string | null;
  /** Whether this step may answer now (sequential: only the current step). */
  answerable: boolean;
};

/** A clearance as the API and the page show it. */
export type ClearanceView = {
  id: string;
  briefingId: string;
  version: { id: string; name: string | null; createdAt: string };
  mode: ClearanceMode;
  state: ClearanceState;
  /** True when cleared or released and the text changed since the cleared version. */
  stale: boolean;
  /** True when still in clearance after the deadline. */
  overdue: boolean;
  due: string;
  createdAt: string;
  requestedBy: Person | null;
  clearedAt: string | null;
  finalizedBy: Person | null;
  override: boolean;
  dissent: string | null;
  releasedAt: string | null;
  withdrawnAt: string | null;
  steps: ClearanceStepView[];
  events: { kind: string; actor: Person | null; detail: string; at: string }[];
};

const FACTS_SELECT = {
  id: true,
  briefingId: true,
  mode: true,
  state: true,
  dueAt: true,
  version: { select: { contentHash: true } },
  steps: {
    orderBy: { order: "asc" },
    select: { id: true, order: true, userId: true, teamId: true, answer: true, answeredAt: true },
  },
} as const;

/** What the machine needs of a clearance, plus its step rows and version hash; null when missing. */
export async function loadFacts(db: Db, clearanceId: string) {
  const row = await db.clearance.findUnique({ where: { id: clearanceId }, select: FACTS_SELECT });
  if (!row) return null;
  const facts: ClearanceFacts = {
    mode: row.mode as ClearanceMode,
    state: row.state as ClearanceState,
    dueAt: row.dueAt,
    steps: row.steps.map((s) => ({
      order: s.order,
      answer: s.answer as ClearanceAnswer | null,
      answeredAt: s.answeredAt,
    })),
  };
  return { briefingId: row.briefingId, versionHash: row.version.contentHash, facts, rows: row.steps };
}

const VIEW_INCLUDE = {
  version: { select: { id: true, name: true, createdAt: true, contentHash: true } },
  steps: { orderBy: { order: "asc" } },
  events: { orderBy: [{ createdAt: "asc" as const }, { id: "asc" as const }] },
} satisfies Prisma.ClearanceInclude;

type ViewRow = NonNullable<Awaited<ReturnType<typeof findViewRows>>>[number];

function findViewRows(db: Db, where: { id: string } | { briefingId: string }) {
  return db.clearance.findMany({ where, include: VIEW_INCLUDE, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
}

async function toViews(db: Db, rows: ViewRow[], currentHash: string | null, now: Date): Promise<ClearanceView[]> {
  const userIds = new Set<string>();
  const teamIds = new Set<string>();
  for (const row of rows) {
    for (const id of [row.requestedById, row.finalizedById]) if (id) userIds.add(id);
    for (const s of row.steps) {
      if (s.userId) userIds.add(s.userId);
      if (s.answeredById) userIds.add(s.answeredById);
      if (s.teamId) teamIds.add(s.teamId);
    }
    for (const e of row.events) if (e.actorId) userIds.add(e.actorId);
  }
  const [users, teams] = await Promise.all([
    db.user.findMany({ where: { id: { in: [...userIds] } }, select: { id: true, name: true } }),
    db.organization.findMany({ where: { id: { in: [...teamIds] } }, select: { id: true, name: true } }),
  ]);
  const names = new Map(users.map((u) => [u.id, u.name]));
  const teamNames = new Map(teams.map((t) => [t.id, t.name]));
  const person = (id: string | null): Person | null => (id ? { id, name: names.get(id) ?? "Former user" } : null);
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return rows.map((row) => {
    const state = row.state as ClearanceState;
    const facts: ClearanceFacts = {
      mode: row.mode as ClearanceMode,
      state,
      dueAt: row.dueAt,
      steps: row.steps.map((s) => ({
        order: s.order,
        answer: s.answer as ClearanceAnswer | null,
        answeredAt: s.answeredAt,
      })),
    };
    const answerable = new Set(answerableSteps(facts));
    return {
      id: row.id,
      briefingId: row.briefingId,
      version: { id: row.version.id, name: row.version.name, createdAt: row.version.createdAt.toISOString() },
      mode: facts.mode,
      state,
      stale: isStale(state, row.version.contentHash, currentHash),
      overdue: isOverdue(facts, now),
      due: row.dueAt.toISOString(),
      createdAt: row.createdAt.toISOString(),
      requestedBy: person(row.requestedById),
      clearedAt: iso(row.clearedAt),
      finalizedBy: person(row.finalizedById),
      override: row.override,
      dissent: row.dissent,
      releasedAt: iso(row.releasedAt),
      withdrawnAt: iso(row.withdrawnAt),
      steps: row.steps.map((s) => ({
        order: s.order,
        clearer: s.userId
          ? { kind: "user" as const, id: s.userId, name: names.get(s.userId) ?? "Former user" }
          : { kind: "team" as const, id: s.teamId ?? "", name: teamNames.get(s.teamId ?? "") ?? "Former team" },
        answer: s.answer as ClearanceAnswer | null,
        comment: s.comment,
        answeredBy: person(s.answeredById),
        answeredAt: iso(s.answeredAt),
        answerable: answerable.has(s.order),
      })),
      events: row.events.map((e) => ({
        kind: e.kind,
        actor: person(e.actorId),
        detail: e.detail,
        at: e.createdAt.toISOString(),
      })),
    };
  });
}

/** One clearance's view (no access check: callers have checked). */
export async function loadClearance(db: Db, clearanceId: string, now: Date): Promise<ClearanceView> {
  const rows = await findViewRows(db, { id: clearanceId });
  const row = rows[0];
  if (!row) throw new AppError("not_found", "No such clearance.");
  return (await toViews(db, rows, await currentContentHash(db, row.briefingId), now))[0]!;
}

/** The briefing's clearances, newest first, and the state the briefing shows. Needs read access. */
export async function listClearances(
  db: Db,
  actor: Actor,
  briefingId: string,
  now: Date,
): Promise<{ state: BriefingClearanceState; clearances: ClearanceView[] }> {
  await authorizeBriefing(db, actor, briefingId, "read");
  const rows = await findViewRows(db, { briefingId });
  const clearances = await toViews(db, rows, await currentContentHash(db, briefingId), now);
  const latest = clearances[0];
  return { state: briefingClearanceState(latest ?? null), clearances };
}

/**
 * The clearance state each briefing shows (lists, filters), for briefings the caller already may
 * read: from each one's latest clearance; the text is read only for cleared or released ones.
 */
export async function briefingClearanceStates(
  db: Db,
  briefingIds: string[],
): Promise<Map<string, BriefingClearanceState>> {
  const result = new Map<string, BriefingClearanceState>(briefingIds.map((id) => [id, "draft"]));
  if (!briefingIds.length) return result;
  const rows = await db.clearance.findMany({
    where: { briefingId: { in: briefingIds } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { briefingId: true, state: true, version: { select: { contentHash: true } } },
  });
  const seen = new Set<string>();
  for (const row of rows) {
    if (seen.has(row.briefingId)) continue;
    seen.add(row.briefingId);
    const state = row.state as ClearanceState;
    const reads = state === "cleared" || state === "released";
    const stale = reads && isStale(state, row.version.contentHash, await currentContentHash(db, row.briefingId));
    result.set(row.briefingId, briefingClearanceState({ state, stale }));
  }
  return result;
}

/**
 * The step of `clearance` the actor may answer now (through can(): that person, or a member of
 * that team, who can read the briefing), or null. The answer form is shown for it.
 */
export async function answerableStepFor(db: Db, actor: Actor, clearance: ClearanceView): Promise<number | null> {
  for (const step of clearance.steps) {
    if (!step.answerable || step.answer !== null) continue;
    const clearer =
      step.clearer.kind === "user"
        ? { userId: step.clearer.id, teamId: null }
        : { userId: null, teamId: step.clearer.id };
    if (await can(db, actor, { action: "clearance:answer", briefingId: clearance.briefingId, clearer })) {
      return step.order;
    }
  }
  return null;
}

/** What the request form offers: named versions (newest first), and the people and teams with access. */
export type ClearanceRequestOptions = {
  versions: { id: string; name: string; createdAt: string }[];
  people: { email: string; name: string }[];
  teams: { id: string; name: string }[];
};

/** The request form's choices for a briefing (callers checked briefing:manage-clearance). */
export async function clearanceRequestOptions(db: Db, briefingId: string): Promise<ClearanceRequestOptions> {
  const [versions, grants] = await Promise.all([
    db.briefingVersion.findMany({
      where: { briefingId, kind: "named" },
      orderBy: { seq: "desc" },
      take: 50,
      select: { id: true, name: true, createdAt: true },
    }),
    db.briefingGrant.findMany({
      where: { briefingId },
      orderBy: { createdAt: "asc" },
      select: { user: { select: { email: true, name: true } }, team: { select: { id: true, name: true } } },
    }),
  ]);
  return {
    versions: versions.map((v) => ({ id: v.id, name: v.name ?? "Unnamed", createdAt: v.createdAt.toISOString() })),
    people: grants.flatMap((g) => (g.user ? [g.user] : [])),
    teams: grants.flatMap((g) => (g.team ? [g.team] : [])),
  };
}
