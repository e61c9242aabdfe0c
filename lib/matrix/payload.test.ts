import { describe, expect, it } from "vitest";
import { sampleMatrixData } from "@/lib/test/matrix-fixtures";
import { decodeMatrixPayload, packMatrixData, unpackMatrixData } from "./payload";
import { prepareMatrix, rawAt } from "./prepare";

describe("matrix payload", () => {
  it("round-trips matrix data, coding each distinct value once", () => {
    const data = sampleMatrixData();
    const packed = packMatrixData(data);
    expect(unpackMatrixData(packed)).toEqual(data);
    expect(packed.match(/"true"/g)).toHaveLength(1);
  });

  it("hands the browser the value coding, which reads the same values as the data", () => {
    const data = sampleMatrixData();
    const { data: decoded, coding } = decodeMatrixPayload(packMatrixData(data));
    const p = prepareMatrix(decoded, coding);
    const fromValues = prepareMatrix(data);
    const cells = data.frameworks.flatMap((_, f) => data.dimensions.map((_, d) => [f, d] as const));
    expect(cells.map(([f, d]) => rawAt(p, f, d))).toEqual(cells.map(([f, d]) => rawAt(fromValues, f, d)));
    expect(coding.dictionary.filter((v) => v === "true")).toHaveLength(1);
  });
});
