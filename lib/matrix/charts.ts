import type { MatrixFramework } from "./types";

/** The charts (overlap heatmap, timeline) draw at most this many frameworks. */
export const CHART_LIMIT = 50;

export type Overlap = {
  frameworks: MatrixFramework[];
  /** counts[i][j]: countries that are full members of both i and j; counts[i][i] is i's member count. */
  counts: number[][];
  /** Largest count between two different frameworks (0 when none overlap). */
  max: number;
  /** The shared member countries of i and j, sorted by code. */
  countries: (i: number, j: number) => string[];
};

/**
 * Pairwise membership overlap of frameworks (full members today, or at the end for defunct ones).
 * Null when memberships were not loaded.
 */
export function membershipOverlap(frameworks: MatrixFramework[]): Overlap | null {
  if (frameworks.some((f) => f.members === null)) return null;
  const sets = frameworks.map((f) => new Set(f.members));
  let max = 0;
  const counts = frameworks.map((_, i) =>
    frameworks.map((_, j) => {
      if (i === j) return sets[i]!.size;
      let n = 0;
      for (const c of sets[i]!) if (sets[j]!.has(c)) n++;
      if (n > max) max = n;
      return n;
    }),
  );
  const countries = (i: number, j: number) => (frameworks[i]?.members ?? []).filter((c) => sets[j]?.has(c)).sort();
  return { frameworks, counts, max, countries };
}

export type TimelineEntry = {
  framework: MatrixFramework;
  /** Fractional years, e.g. 1949.26 for 4 April 1949. */
  start: number;
  end: number;
  /** Still running (no end date). */
  ongoing: boolean;
};

export type Timeline = {
  entries: TimelineEntry[];
  /** Frameworks left out because their founding date is unknown. */
  undated: MatrixFramework[];
  /** Axis range in whole years. */
  from: number;
  to: number;
};

/** "1949-04-04" -> 1949.26 (calendar arithmetic only; no time zones involved). */
export function yearFraction(iso: string): number {
  // Dates may be known to the year or month only ("1948", "2007-05") or roughly ("1956~").
  const [y, m, d] = iso.replace(/~$/, "").split("-").map(Number) as [number, number, number];
  const start = Date.UTC(y, 0, 1);
  const days = (Date.UTC(y, (m || 1) - 1, d || 1) - start) / 86_400_000;
  const length = (Date.UTC(y + 1, 0, 1) - start) / 86_400_000;
  return y + days / length;
}

/** Founding-to-end spans of frameworks; running ones end at `today` (YYYY-MM-DD). */
export function timelineOf(frameworks: MatrixFramework[], today: string): Timeline {
  const now = yearFraction(today);
  const entries: TimelineEntry[] = [];
  const undated: MatrixFramework[] = [];
  for (const framework of frameworks) {
    if (!framework.founded) {
      undated.push(framework);
      continue;
    }
    const start = yearFraction(framework.founded);
    const end = framework.ended ? yearFraction(framework.ended) : now;
    entries.push({ framework, start, end: Math.max(start, end), ongoing: !framework.ended });
  }
  if (!entries.length) return { entries, undated, from: Math.floor(now) - 1, to: Math.ceil(now) };
  const from = Math.floor(Math.min(...entries.map((e) => e.start)) / 5) * 5;
  const to = Math.ceil(Math.max(...entries.map((e) => e.end)) / 5) * 5;
  return { entries, undated, from, to: to > from ? to : from + 5 };
}
