import os from "node:os";

// What every bench line carries besides its numbers (issue 20, goal 5): the machine's load average
// when the line was printed (what `uptime` shows: 1, 5 and 15 minutes), the core count, and for
// each goal the bench measures a `goal_met` entry. Goals are ratios measured in the same run
// wherever the issue states them so, because the machine is shared and its load moves. `npm run
// bench` (bench/all.ts) reads the `goals` of every line and prints the summary table.

/** One goal of issue 20 as a bench measured it: `value` must be <= `limit`. */
export type Goal = {
  /** What is compared, in words, e.g. "first_render_ms / browser_floor_ms". */
  measure: string;
  value: number;
  limit: number;
};

const round = (x: number) => Math.round(x * 100) / 100;

/** The load average as `uptime` prints it (1, 5, 15 minutes), and the core count. */
export function machineLoad(): { load_avg: [number, number, number]; cpus: number } {
  const [one = 0, five = 0, fifteen = 0] = os.loadavg();
  return { load_avg: [round(one), round(five), round(fifteen)], cpus: os.availableParallelism() };
}

/** A goal whose value is a ratio of two measurements (`numerator / denominator <= limit`). */
export function ratioGoal(measure: string, numerator: number, denominator: number, limit: number): Goal {
  return { measure, value: round(numerator / denominator), limit };
}

/** A goal on an absolute measurement (`value <= limit`). */
export function absoluteGoal(measure: string, value: number, limit: number): Goal {
  return { measure, value: round(value), limit };
}

/** Whether a goal is met; null when its value could not be measured (NaN). */
export function goalMet(goal: Goal): boolean | null {
  return Number.isFinite(goal.value) ? goal.value <= goal.limit : null;
}

/**
 * Prints one bench line as JSON: `bench`, the fields, the machine's load, and when goals are
 * given, `goals` (id -> measure, value, limit) and `goal_met` (id -> true / false / null).
 */
export function printBenchLine(bench: string, fields: Record<string, unknown>, goals: Record<string, Goal> = {}) {
  const line: Record<string, unknown> = { bench, ...fields, ...machineLoad() };
  if (Object.keys(goals).length) {
    line.goals = goals;
    line.goal_met = Object.fromEntries(Object.entries(goals).map(([id, goal]) => [id, goalMet(goal)]));
  }
  console.log(JSON.stringify(line));
}
