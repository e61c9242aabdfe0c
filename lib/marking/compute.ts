import { type PortionMark, parsePortion } from "./portion";
import type { MarkingLevel, MarkingProfile } from "./profile-schema";

/** One portion of a document as the banner computation sees it. */
export type Portion = {
  /** The stored attribute (null when unmarked). */
  mark: string | null;
  /** An embedded catalog card: public information, the lowest level when unmarked. */
  card?: boolean;
  /** Where it is, for messages: "paragraph 3 (“Opening…”)". */
  where: string;
};

export type MarkingIssue = {
  kind: "unmarked" | "unknown-code" | "prohibited" | "level-bound" | "release-conflict";
  message: string;
  where?: string;
};

/** The computed marking of a document. */
export type ComputedMarking = {
  level: MarkingLevel;
  /** Control codes present in any portion, in the profile's order. */
  controls: string[];
  /** Recipients every portion is releasable to (null: no release-to line). */
  releaseTo: string[] | null;
  /** The banner line: "SECRET//NOFORN", "NATO SECRET RELEASABLE TO AUS". */
  banner: string;
  issues: MarkingIssue[];
  /** Where unmarked portions are, when the profile requires marks. */
  unmarked: string[];
};

const levelIndex = (profile: MarkingProfile, code: string) => profile.levels.findIndex((l) => l.code === code);

/** The level an unmarked portion counts as (or a card, always). */
export function defaultLevel(profile: MarkingProfile): MarkingLevel {
  const code = profile.unmarkedLevel;
  return (code && profile.levels.find((l) => l.code === code)) || (profile.levels[0] as MarkingLevel);
}

/** Countries a recipient code stands for: a group's members, or the country itself. */
export function expandRecipient(profile: MarkingProfile, code: string): string[] {
  const group = profile.release?.groups.find((g) => g.code === code);
  return group ? group.members : [code];
}

/** A portion's releasability: the countries it may go to (null = anyone: releasable level, no list). */
function releaseSet(profile: MarkingProfile, mark: PortionMark, level: MarkingLevel): Set<string> | null {
  const noRelease = mark.controls.some((c) => profile.controls.find((k) => k.code === c)?.noRelease);
  if (noRelease) return new Set();
  const named = [...level.releaseTo, ...mark.rel];
  if (level.releasable && mark.rel.length === 0) return null;
  const set = new Set(named.flatMap((code) => expandRecipient(profile, code)));
  if (profile.release?.owner) set.add(profile.release.owner);
  return set;
}

/** Renders a set of countries as a release-to list: owner first, full groups by their code, then A-Z. */
export function formatRecipients(profile: MarkingProfile, countries: Iterable<string>, named: Set<string>): string[] {
  const rest = new Set(countries);
  const owner = profile.release?.owner;
  const out: string[] = [];
  if (owner && rest.delete(owner)) out.push(owner);
  const groups: string[] = [];
  for (const group of profile.release?.groups ?? []) {
    if (named.has(group.code) && group.members.every((m) => rest.has(m) || m === owner)) {
      groups.push(group.code);
      for (const m of group.members) rest.delete(m);
    }
  }
  return [...out, ...[...rest].sort(), ...groups];
}

/** The display form of a mark in parentheses: "(S//NF)", "(OS COMMERCIAL)", "(U)"; "" when unmarked. */
export function portionLabel(profile: MarkingProfile, value: string | null | undefined): string {
  const mark = validPortion(profile, value);
  if (!mark) return "";
  const level = profile.levels.find((l) => l.code === mark.level);
  const controls = mark.controls.map((c) => profile.controls.find((k) => k.code === c)?.portion ?? c);
  if (mark.rel.length) controls.push(`${profile.release?.bannerPrefix ?? "REL TO"} ${mark.rel.join(", ")}`);
  const tail = controls.length ? `${profile.separator}${controls.join(profile.controlJoin)}` : "";
  return `(${level?.portion ?? mark.level}${tail})`;
}

function intersect(a: Set<string> | null, b: Set<string>): Set<string> {
  return a === null ? b : new Set([...a].filter((c) => b.has(c)));
}

/** The codes of a mark its profile does not know (level, controls, recipients), as issues. */
function unknownCodes(profile: MarkingProfile, mark: PortionMark, where?: string): MarkingIssue[] {
  const issues: MarkingIssue[] = [];
  for (const code of mark.controls) {
    if (!profile.controls.some((c) => c.code === code))
      issues.push({ kind: "unknown-code", message: `${code} is not a control of ${profile.name}.`, where });
  }
  const known = new Set((profile.release?.countries ?? []).map((c) => c.code));
  for (const group of profile.release?.groups ?? []) known.add(group.code);
  for (const code of mark.rel) {
    if (!known.has(code))
      issues.push({ kind: "unknown-code", message: `${code} is not a recipient of ${profile.name}.`, where });
  }
  if (levelIndex(profile, mark.level) < 0)
    issues.push({ kind: "unknown-code", message: `${mark.level} is not a level of ${profile.name}.`, where });
  return issues;
}

/**
 * A stored mark whose every code belongs to the profile; null for none, malformed, or any code the
 * profile does not know. The document stores whatever an editor set (a briefing can change profile
 * under its marks, and a client can send anything), so every reader goes through here: a mark
 * that is not the profile's counts as unmarked (flagged, withheld from release copies, and an
 * export refuses it where marks are required), never as the level it claims.
 */
export function validPortion(profile: MarkingProfile, value: unknown): PortionMark | null {
  const mark = parsePortion(value);
  return mark && unknownCodes(profile, mark).length === 0 ? mark : null;
}

function checkPortion(profile: MarkingProfile, mark: PortionMark, where: string, issues: MarkingIssue[]): void {
  const index = levelIndex(profile, mark.level);
  for (const code of mark.controls) {
    const control = profile.controls.find((c) => c.code === code);
    if (!control) continue;
    const min = control.minLevel ? levelIndex(profile, control.minLevel) : -1;
    const max = control.maxLevel ? levelIndex(profile, control.maxLevel) : Number.POSITIVE_INFINITY;
    if (index < min || index > max) {
      const bound = index < min ? `${control.minLevel} or above` : `${control.maxLevel} or below`;
      issues.push({ kind: "level-bound", message: `${control.banner} is used only at ${bound}.`, where });
    }
  }
  const present = new Set(mark.controls);
  if (mark.rel.length) present.add("REL");
  for (const rule of profile.rules) {
    if (rule.together.every((c) => present.has(c))) issues.push({ kind: "prohibited", message: rule.message, where });
  }
}

/**
 * The banner of a document from its portions: the highest level present, the union of controls,
 * and a release-to list of the recipients EVERY portion allows (none when a portion allows nobody,
 * e.g. NOFORN, or the lists share no country). Unmarked portions are reported when the profile
 * requires marks (and count as the default level otherwise); cards count as the lowest level.
 * Unknown codes, controls outside their levels and prohibited combinations are reported too.
 */
export function computeMarking(profile: MarkingProfile, portions: readonly Portion[]): ComputedMarking {
  const issues: MarkingIssue[] = [];
  const unmarked: string[] = [];
  let top = -1;
  const controls = new Set<string>();
  let release: Set<string> | null = null;
  let anyRelList = false;
  let nobody = false;
  const named = new Set<string>();
  const lowest = profile.levels[0] as MarkingLevel;
  for (const portion of portions) {
    let mark = parsePortion(portion.mark);
    const unknown = mark ? unknownCodes(profile, mark, portion.where) : [];
    if (unknown.length) {
      // Not a mark of this profile: reported, then counted as unmarked (see validPortion).
      issues.push(...unknown);
      mark = null;
    }
    if (!mark) {
      if (portion.card) mark = { level: lowest.code, controls: [], rel: [] };
      else if (profile.requirePortionMarks) {
        unmarked.push(portion.where);
        continue;
      } else mark = { level: defaultLevel(profile).code, controls: [], rel: [] };
    }
    checkPortion(profile, mark, portion.where, issues);
    const level = profile.levels[levelIndex(profile, mark.level)] as MarkingLevel;
    top = Math.max(top, levelIndex(profile, mark.level));
    for (const c of mark.controls) if (profile.controls.some((k) => k.code === c)) controls.add(c);
    for (const code of [...mark.rel, ...level.releaseTo]) named.add(code);
    if (mark.rel.length) anyRelList = true;
    const set = releaseSet(profile, mark, level);
    if (set === null) continue;
    if (set.size === 0) nobody = true;
    release = intersect(release, set);
  }
  for (const where of unmarked) issues.push({ kind: "unmarked", message: "This portion has no mark.", where });
  const level = top >= 0 ? (profile.levels[top] as MarkingLevel) : defaultLevel(profile);
  const orderedControls = profile.controls.map((c) => c.code).filter((c) => controls.has(c));
  let releaseTo: string[] | null = null;
  const intersected = release;
  if (profile.release && !nobody && intersected && (anyRelList || level.releaseTo.length > 0)) {
    const owner = profile.release.owner;
    const meaningful = [...intersected].filter((c) => c !== owner);
    if (meaningful.length > 0) releaseTo = formatRecipients(profile, intersected, named);
    else if (anyRelList) {
      issues.push({
        kind: "release-conflict",
        message: "The portions have no recipient in common, so the banner has no release-to line.",
      });
    }
  }
  return {
    level,
    controls: orderedControls,
    releaseTo,
    banner: bannerLine(profile, level, orderedControls, releaseTo),
    issues,
    unmarked,
  };
}

function bannerLine(
  profile: MarkingProfile,
  level: MarkingLevel,
  controls: string[],
  releaseTo: string[] | null,
): string {
  const parts = controls.map((c) => profile.controls.find((k) => k.code === c)?.banner ?? c);
  // A level's implicit recipients alone (NATO SECRET is for NATO) need no line.
  const implicit = releaseTo && level.releaseTo.length > 0 && releaseTo.join() === level.releaseTo.join();
  if (releaseTo && !implicit) parts.push(`${profile.release?.bannerPrefix ?? "REL TO"} ${releaseTo.join(", ")}`);
  return parts.length ? `${level.banner}${profile.separator}${parts.join(profile.controlJoin)}` : level.banner;
}

/**
 * May a portion go into a copy released to `recipient` (a country or a group code)? Yes when its
 * level is releasable and it names nobody, or when everyone the recipient stands for is in its
 * release set (its list, its level's implicit recipients); never with a no-release control.
 */
export function isReleasable(profile: MarkingProfile, portion: Portion, recipient: string): boolean {
  let mark = parsePortion(portion.mark);
  if (mark && !validPortion(profile, portion.mark)) return false;
  if (!mark) {
    if (!portion.card && profile.requirePortionMarks) return false;
    mark = { level: (portion.card ? profile.levels[0] : defaultLevel(profile))?.code ?? "", controls: [], rel: [] };
  }
  const level = profile.levels[levelIndex(profile, mark.level)] as MarkingLevel;
  const set = releaseSet(profile, mark, level);
  if (set === null) return true;
  if (mark.rel.includes(recipient) || level.releaseTo.includes(recipient)) {
    return !mark.controls.some((c) => profile.controls.find((k) => k.code === c)?.noRelease);
  }
  return expandRecipient(profile, recipient).every((c) => set.has(c));
}

/** Whether a recipient code is known to the profile (a country or a group). */
export function isRecipient(profile: MarkingProfile, code: string): boolean {
  return Boolean(
    profile.release?.countries.some((c) => c.code === code) || profile.release?.groups.some((g) => g.code === code),
  );
}
