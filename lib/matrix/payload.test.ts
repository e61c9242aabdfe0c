import { describe, expect, it } from "vitest";
import { sampleMatrixData } from "@/lib/test/matrix-fixtures";
import { packMatrixData, unpackMatrixData } from "./payload";

describe("matrix payload", () => {
  it("round-trips matrix data, coding each distinct value once", () => {
    const data = sampleMatrixData();
    const packed = packMatrixData(data);
    expect(unpackMatrixData(packed)).toEqual(data);
    expect(packed.match(/"true"/g)).toHaveLength(1);
  });
});
