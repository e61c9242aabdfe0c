/**
 * A portion mark as stored in the document: the block attribute `portion`, a compact string of
 * profile codes, "LEVEL[/CONTROL...][/REL:AAA,BBB]" (e.g. "S/NOFORN", "C/REL:USA,GBR"). Codes, not
 * display forms, so a profile's wording can change without rewriting documents.
 */
export type PortionMark = { level: string; controls: string[]; rel: string[] };

/** The attribute holding a block's portion mark (ProseMirror / Yjs / HTML data-portion). */
export const PORTION_ATTRIBUTE = "portion";

/** The outermost blocks that carry a portion mark (paragraphs inside them do not). */
export const PORTION_NODE_TYPES = ["paragraph", "heading", "listItem", "table", "frameworkCard", "comparison"] as const;
const PORTION_TYPES: ReadonlySet<string> = new Set(PORTION_NODE_TYPES);

/** Whether a node type is a portion (the first one met from the top of the document is). */
export function isPortionType(type: string | undefined): boolean {
  return type !== undefined && PORTION_TYPES.has(type);
}

/** The longest stored mark accepted (the schema and the websocket both carry it as text). */
export const PORTION_MAX = 400;

/** Parses a stored mark; null for none or anything malformed. */
export function parsePortion(value: unknown): PortionMark | null {
  if (typeof value !== "string" || value.length === 0 || value.length > PORTION_MAX) return null;
  const [level, ...rest] = value.split("/");
  if (!level) return null;
  const controls: string[] = [];
  let rel: string[] = [];
  for (const part of rest) {
    if (part.startsWith("REL:")) rel = part.slice(4).split(",").filter(Boolean);
    else if (part) controls.push(part);
  }
  return { level, controls, rel };
}

/** The stored form of a mark (controls and release list in a stable order). */
export function serializePortion(mark: PortionMark): string {
  const parts = [mark.level, ...[...new Set(mark.controls)]];
  if (mark.rel.length) parts.push(`REL:${[...new Set(mark.rel)].join(",")}`);
  return parts.join("/");
}
