import type { MatrixData, MatrixFramework, ValueCoding } from "./types";

/** Framework fields in the order the packed payload lists them (one array per framework, no repeated keys). */
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

type PackedFramework = MatrixFramework[(typeof FRAMEWORK_FIELDS)[number]][];
type Packed = Omit<MatrixData, "values" | "frameworks"> & {
  frameworks: PackedFramework[];
  dictionary: string[];
  codes: number[];
};

/**
 * Matrix data as one JSON string for the trip from the server component to the browser. A single
 * string prop costs React's payload encoder almost nothing, where 100,000 array elements each cost
 * a visit (and a reviver call when the browser decodes them). Values are dictionary-coded: most
 * repeat ("true", "consensus"), so a number per cell plus each distinct text once is far smaller,
 * and the browser keeps the coding (see ValueCoding). Frameworks are arrays of FRAMEWORK_FIELDS.
 */
export function packMatrixData(data: MatrixData): string {
  const { values, frameworks, ...rest } = data;
  // Coded into a plain array (what JSON writes), not through codeValues' typed array.
  const index = new Map<string, number>();
  const dictionary: string[] = [];
  const codes = values.map((v) => {
    if (v === null) return -1;
    let code = index.get(v);
    if (code === undefined) {
      code = dictionary.push(v) - 1;
      index.set(v, code);
    }
    return code;
  });
  return JSON.stringify({
    ...rest,
    frameworks: frameworks.map((f) => FRAMEWORK_FIELDS.map((field) => f[field])),
    dictionary,
    codes,
  } satisfies Packed);
}

/** The inverse of packMatrixData, with the value coding for prepareMatrix. */
export function decodeMatrixPayload(payload: string): { data: MatrixData; coding: ValueCoding } {
  const { dictionary, codes, frameworks, ...rest } = JSON.parse(payload) as Packed;
  const values = codes.map((c) => (c < 0 ? null : (dictionary[c] ?? null)));
  const data: MatrixData = {
    ...rest,
    frameworks: frameworks.map(
      (packed) => Object.fromEntries(FRAMEWORK_FIELDS.map((field, i) => [field, packed[i]])) as MatrixFramework,
    ),
    values,
  };
  return { data, coding: { dictionary, codes: Int32Array.from(codes) } };
}

/** The inverse of packMatrixData. */
export function unpackMatrixData(payload: string): MatrixData {
  return decodeMatrixPayload(payload).data;
}
