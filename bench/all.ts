// `npm run bench`: every `bench:*` script of package.json, one after the other (never two at once:
// they would measure each other), then a summary table of every goal the benches reported (see
// bench/report.ts) with the load average at the time it was measured. BENCH_ONLY=matrix,collab
// runs only those. The benches' own lines pass through unchanged; numbers, not assertions: the
// exit code is non-zero only when a bench failed to run.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { type Goal, goalMet, machineLoad } from "./report";

const root = path.resolve(import.meta.dirname, "..");
const scripts = Object.keys(
  (JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts,
)
  .filter((name) => name.startsWith("bench:"))
  .map((name) => name.slice("bench:".length));
const only = process.env.BENCH_ONLY?.split(",").map((s) => s.trim());
const selected = only ? scripts.filter((s) => only.includes(s)) : scripts;

type Row = { script: string; id: string; goal: Goal; label: string; load: number[] };

/** A short label for the line a goal came from: its scenario, editors, instances... */
function labelOf(line: Record<string, unknown>): string {
  const keys = ["scenario", "editors", "instances", "tail_rows", "format", "mode"];
  return keys
    .filter((k) => line[k] !== undefined)
    .map((k) => `${k}=${line[k]}`)
    .join(" ");
}

function run(script: string, rows: Row[]): Promise<number> {
  return new Promise((resolve) => {
    console.error(`\n== bench:${script} (load ${machineLoad().load_avg.join(" ")})`);
    const child = spawn("npm", ["run", "--silent", `bench:${script}`], {
      cwd: root,
      stdio: ["ignore", "pipe", "inherit"],
    });
    readline.createInterface({ input: child.stdout }).on("line", (text) => {
      console.log(text);
      if (!text.startsWith("{")) return;
      try {
        const line = JSON.parse(text) as Record<string, unknown>;
        const goals = (line.goals ?? {}) as Record<string, Goal>;
        for (const [id, goal] of Object.entries(goals))
          rows.push({ script, id, goal, label: labelOf(line), load: (line.load_avg as number[]) ?? [] });
      } catch {
        // not a bench line
      }
    });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

function table(rows: Row[], failed: string[]) {
  const header = ["bench", "goal", "where", "measure", "value", "limit", "goal_met", "load_avg"];
  const body = rows.map((r) => [
    r.script,
    r.id,
    r.label,
    r.goal.measure,
    String(r.goal.value),
    String(r.goal.limit),
    String(goalMet(r.goal)),
    r.load.join(" "),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const format = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ");
  console.log(`\nSummary (${rows.filter((r) => goalMet(r.goal)).length} of ${rows.length} goals met)`);
  console.log(format(header));
  console.log(widths.map((w) => "-".repeat(w)).join("-+-"));
  for (const b of body) console.log(format(b));
  if (failed.length) console.log(`Failed to run: ${failed.join(", ")}`);
}

async function main() {
  const rows: Row[] = [];
  const failed: string[] = [];
  for (const script of selected) if ((await run(script, rows)) !== 0) failed.push(script);
  table(rows, failed);
  process.exit(failed.length ? 1 : 0);
}

await main();
