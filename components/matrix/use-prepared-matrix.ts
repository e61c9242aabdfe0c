import { useMemo } from "react";
import { decodeMatrixPayload } from "@/lib/matrix/payload";
import { prepareMatrix } from "@/lib/matrix/prepare";
import type { PreparedMatrix } from "@/lib/matrix/types";
import { markMatrixData } from "./perf";

/**
 * The last few payloads decoded, by their text. Decoding and indexing a large selection costs tens
 * of milliseconds, and the server renders the same payload for every request until the catalog
 * changes (each request gets its own copy of the string, so identity would never match). Only a
 * memo of a pure function: a payload not found here is decoded again, with the same result.
 */
const decoded = new Map<string, PreparedMatrix>();
const KEEP = 4;

function prepare(payload: string): PreparedMatrix {
  let prepared = decoded.get(payload);
  if (!prepared) {
    markMatrixData();
    const { data, coding } = decodeMatrixPayload(payload);
    prepared = prepareMatrix(data, coding);
    decoded.set(payload, prepared);
    for (const old of decoded.keys()) if (decoded.size > KEEP) decoded.delete(old);
  }
  return prepared;
}

/** The prepared matrix of the packed data the page handed over (lib/matrix/payload). */
export function usePreparedMatrix(payload: string): PreparedMatrix {
  return useMemo(() => prepare(payload), [payload]);
}
