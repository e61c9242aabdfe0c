import type { MatrixData } from "./types";

type Packed = Omit<MatrixData, "values"> & { dictionary: string[]; codes: number[] };

/**
 * Matrix data as one JSON string for the trip from the server component to the browser. A single
 * string prop costs React's payload encoder almost nothing, where 100,000 array elements each cost
 * a visit (and a reviver call when the browser decodes them). Values are dictionary-coded: most
 * repeat ("true", "consensus"), so a number per cell plus each distinct text once is far smaller.
 */
export function packMatrixData(data: MatrixData): string {
  const { values, ...rest } = data;
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
  return JSON.stringify({ ...rest, dictionary, codes } satisfies Packed);
}

/** The inverse of packMatrixData. */
export function unpackMatrixData(payload: string): MatrixData {
  const { dictionary, codes, ...rest } = JSON.parse(payload) as Packed;
  return { ...rest, values: codes.map((c) => (c < 0 ? null : (dictionary[c] ?? null))) };
}
