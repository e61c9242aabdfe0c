import type { MatrixData, MatrixFramework, ValueCoding } from "./types";

/** Framework fields the packed payload lists column by column (one array per field). */
const FRAMEWORK_FIELDS = [
  "slug",
  "name",
  "acronym",
  "kind",
  "region",
  "status",
  "founded",
  "ended",
  "members",
] as const satisfies readonly (keyof MatrixFramework)[];

/** Fields with a few distinct values (enums): sent as codes into a per-field list of the values. */
const CODED_FIELDS = new Set<string>(["kind", "region", "status"]);

type FieldValue = MatrixFramework[(typeof FRAMEWORK_FIELDS)[number]];
/** A field's column: its values, or for CODED_FIELDS `{ values, codes }`. */
type PackedColumn = FieldValue[] | { values: FieldValue[]; codes: number[] };
type Packed = Omit<MatrixData, "values" | "frameworks"> & {
  /** Number of frameworks (columns may be empty when there are none). */
  count: number;
  frameworks: PackedColumn[];
  dictionary: string[];
  codes: number[];
};

/** Codes `items` into their distinct values (first seen first) and one index per item. */
function dictionaryCode<T>(items: readonly T[], skip?: (item: T) => boolean) {
  const index = new Map<T, number>();
  const values: T[] = [];
  const codes = items.map((item) => {
    if (skip?.(item)) return -1;
    let code = index.get(item);
    if (code === undefined) {
      code = values.push(item) - 1;
      index.set(item, code);
    }
    return code;
  });
  return { values, codes };
}

/**
 * Matrix data as one JSON string for the trip from the server component to the browser. A single
 * string prop costs React's payload encoder almost nothing, where 100,000 array elements each cost
 * a visit (and a reviver call when the browser decodes them). Values are dictionary-coded: most
 * repeat ("true", "consensus"), so a number per cell plus each distinct text once is far smaller,
 * and the browser keeps the coding (see ValueCoding). Frameworks are column-oriented (one array
 * per field of FRAMEWORK_FIELDS, no repeated keys or brackets per framework), their enum fields
 * coded too: the page's HTML carries this string, so every byte is paid by every page load.
 */
export function packMatrixData(data: MatrixData): string {
  const { values, frameworks, ...rest } = data;
  // Coded into a plain array (what JSON writes), not through codeValues' typed array.
  const { values: dictionary, codes } = dictionaryCode(values, (v) => v === null) as {
    values: string[];
    codes: number[];
  };
  const columns = FRAMEWORK_FIELDS.map((field): PackedColumn => {
    const column = frameworks.map((f) => f[field]);
    return CODED_FIELDS.has(field) ? dictionaryCode(column) : column;
  });
  return JSON.stringify({ ...rest, count: frameworks.length, frameworks: columns, dictionary, codes } satisfies Packed);
}

/** A packed column back to one value per framework. */
function unpackColumn(column: PackedColumn | undefined, count: number): FieldValue[] {
  if (!column) return new Array(count).fill(null);
  if (Array.isArray(column)) return column;
  return column.codes.map((c) => column.values[c] ?? null);
}

/** The inverse of packMatrixData, with the value coding for prepareMatrix. */
export function decodeMatrixPayload(payload: string): { data: MatrixData; coding: ValueCoding } {
  const { dictionary, codes, frameworks: columns, count, ...rest } = JSON.parse(payload) as Packed;
  const values = codes.map((c) => (c < 0 ? null : (dictionary[c] ?? null)));
  const fields = FRAMEWORK_FIELDS.map((_, i) => unpackColumn(columns[i], count));
  const frameworks = Array.from(
    { length: count },
    (_, f) => Object.fromEntries(FRAMEWORK_FIELDS.map((field, i) => [field, fields[i]![f]])) as MatrixFramework,
  );
  const data: MatrixData = { ...rest, frameworks, values };
  return { data, coding: { dictionary, codes: Int32Array.from(codes) } };
}

/** The inverse of packMatrixData. */
export function unpackMatrixData(payload: string): MatrixData {
  return decodeMatrixPayload(payload).data;
}
