import type { MatrixData } from "./types";

/**
 * Matrix data as one JSON string for the trip from the server component to the browser. A single
 * string prop costs React's payload encoder almost nothing, where 100,000 array elements each cost
 * a visit (and a reviver call when the browser decodes them).
 */
export function packMatrixData(data: MatrixData): string {
  return JSON.stringify(data);
}

/** The inverse of packMatrixData. */
export function unpackMatrixData(payload: string): MatrixData {
  return JSON.parse(payload) as MatrixData;
}
