import { z } from "zod";

/** The classification authority block of a briefing (32 CFR 2001.21-22). */
export type AuthorityBlock = { classifiedBy: string; derivedFrom: string[]; declassifyOn: string };

export const EMPTY_AUTHORITY: AuthorityBlock = { classifiedBy: "", derivedFrom: [], declassifyOn: "" };

const line = (max: number) =>
  z
    .string()
    .transform((v) => v.replace(/\s+/g, " ").trim())
    .pipe(z.string().max(max, `At most ${max} characters.`));

/** The authority block as typed (forms, API): one line each, at most 20 sources. */
export const authoritySchema = z.object({
  classifiedBy: line(200),
  derivedFrom: z
    .array(line(300))
    .max(20, "At most 20 sources.")
    .transform((list) => list.filter(Boolean)),
  declassifyOn: line(100),
});

/** Reads the stored derivedFrom column (one source a line). */
export function splitSources(value: string): string[] {
  return value
    .split("\n")
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The printed lines of an authority block: "Derived From: Multiple Sources" (with the sources
 * listed after it) when there are several. Empty when nothing was filled in.
 */
export function authorityLines(block: AuthorityBlock): string[] {
  const lines: string[] = [];
  if (block.classifiedBy) lines.push(`Classified By: ${block.classifiedBy}`);
  if (block.derivedFrom.length === 1) lines.push(`Derived From: ${block.derivedFrom[0]}`);
  if (block.derivedFrom.length > 1) {
    lines.push("Derived From: Multiple Sources");
    lines.push(`Sources: ${block.derivedFrom.join("; ")}`);
  }
  if (block.declassifyOn) lines.push(`Declassify On: ${block.declassifyOn}`);
  return lines;
}
