import type { Db } from "@/lib/db";
import { parseDimensionRow } from "./rows";
import { decodeValue, encodeValue } from "./schema";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
type DimensionDefinition = { key: string; valueType: string; options: string[] };
type StoredDimension = { id: string; key: string; valueType: string; options: string };

/** The file's dimensions that redefine a stored one: another value type or other options. */
export function redefinedDimensions(
  fileDimensions: DimensionDefinition[],
  stored: Map<string, StoredDimension>,
): (DimensionDefinition & { id: string; before: { valueType: string; options: string[] } })[] {
  return fileDimensions.flatMap((d) => {
    const row = stored.get(d.key);
    if (!row || (row.valueType === d.valueType && row.options === JSON.stringify(d.options))) return [];
    const { valueType, options } = parseDimensionRow(row);
    return [{ ...d, id: row.id, before: { valueType, options } }];
  });
}

/**
 * Why a stored value (canonical text) does not hold under a dimension's new definition, or null
 * when it does. Valid means it reads back as the very same text: "consensus" under a boolean
 * dimension would read as false, so it is not valid, although decoding it does not fail.
 */
export function storedValueProblem(definition: DimensionDefinition, text: string): string | null {
  const encoded = encodeValue(definition, decodeValue(definition.valueType, text));
  if (!encoded.ok) return encoded.error;
  return encoded.text === text ? null : `would read as ${JSON.stringify(encoded.text)}`;
}

/**
 * Checks every stored value of the redefined dimensions, for the frameworks the file does not
 * replace (the file's own values are validated against the new definitions already). One line per
 * value that would no longer hold: framework, dimension, value and why.
 */
export async function storedValueProblems(
  tx: Tx,
  redefined: (DimensionDefinition & { id: string })[],
  replacedSlugs: Set<string>,
): Promise<string[]> {
  if (!redefined.length) return [];
  const values = await tx.attributeValue.findMany({
    where: { dimensionId: { in: redefined.map((d) => d.id) } },
    select: { value: true, dimensionId: true, framework: { select: { slug: true } } },
    orderBy: [{ framework: { slug: "asc" } }],
  });
  const byId = new Map(redefined.map((d) => [d.id, d]));
  const problems: string[] = [];
  for (const row of values) {
    const definition = byId.get(row.dimensionId);
    if (!definition || replacedSlugs.has(row.framework.slug)) continue;
    const why = storedValueProblem(definition, row.value);
    if (why) {
      const type = definition.valueType === "enum" ? `enum of ${definition.options.join(", ")}` : definition.valueType;
      problems.push(
        `framework "${row.framework.slug}", dimension "${definition.key}": stored value ${JSON.stringify(row.value)} ` +
          `is not valid as the new ${type}: ${why}. Include the framework in the file with a valid value, or keep the definition.`,
      );
    }
  }
  return problems;
}
