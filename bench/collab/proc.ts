import { execFileSync } from "node:child_process";
import fs from "node:fs";

const TICKS = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100;

/** CPU seconds (user + system) and resident memory of a process, from /proc (Linux). */
export function procStats(pid: number): { cpuSeconds: number; rssMb: number } {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name (which may contain spaces) start after the last ")".
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return { cpuSeconds: ticks / TICKS, rssMb: rssKb / 1024 };
}

/** The p-th percentile (0..100) of sorted samples. */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

/** Rounds to two decimals for the JSON lines. */
export const round = (value: number) => Math.round(value * 100) / 100;

/**
 * Microseconds so far during which some runnable task waited for a CPU (Linux PSI). The share of
 * wall time between two readings says how contended the machine was while measuring.
 */
export function cpuStallMicros(): number {
  try {
    const line = fs.readFileSync("/proc/pressure/cpu", "utf8").split("\n")[0] ?? "";
    return Number(/total=(\d+)/.exec(line)?.[1] ?? Number.NaN);
  } catch {
    return Number.NaN;
  }
}
