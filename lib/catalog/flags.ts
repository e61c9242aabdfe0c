import { SOURCE_TIERS, type SourceType } from "./source-policy";

// What the catalog warns about a value: nothing to cite, only tertiary sources, or past its review
// date. No schema library: pages and the editor both show these.

export type ValueFlag = { kind: "needs-source" | "low-tier" | "stale"; label: string };

type FlaggableValue = { sources: { type: SourceType }[]; reviewDue: string | null };

/**
 * Flags of one value. `today` is YYYY-MM-DD; "stale" is only computed when it is given, because it
 * is shown to catalog editors (whose job is to review) rather than to every reader.
 */
export function valueFlags(value: FlaggableValue, today?: string): ValueFlag[] {
  const flags: ValueFlag[] = [];
  if (value.sources.length === 0) flags.push({ kind: "needs-source", label: "Needs a source" });
  else if (value.sources.every((s) => SOURCE_TIERS[s.type] === 3))
    flags.push({ kind: "low-tier", label: "Backed only by reference works" });
  if (today && value.reviewDue && value.reviewDue < today)
    flags.push({ kind: "stale", label: `Review overdue since ${value.reviewDue}` });
  return flags;
}
