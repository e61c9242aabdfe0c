import { describe, expect, it } from "vitest";
import { CLOSE } from "@/lib/collab/protocol";
import { AppError, ERROR_STATUS, type ErrorCode } from "@/lib/errors";
import { httpStatusOf, refusalFor } from "./refuse";

describe("refusals", () => {
  it("answers an upgrade refused for an AppError with that error's HTTP status and message", () => {
    for (const code of Object.keys(ERROR_STATUS) as ErrorCode[]) {
      const refusal = refusalFor(new AppError(code, `refused: ${code}`));
      expect(httpStatusOf(refusal.code)).toBe(ERROR_STATUS[code]);
      expect(refusal).toMatchObject({ reason: `refused: ${code}`, unexpected: false });
    }
  });

  it("refuses anything else with 500, as unexpected", () => {
    const refusal = refusalFor(new Error("database down"));
    expect(refusal).toEqual({ code: CLOSE.internalError, reason: "Could not open the briefing.", unexpected: true });
    expect(httpStatusOf(refusal.code)).toBe(500);
  });

  it("maps the server's own upgrade refusals onto the statuses it answered before", () => {
    expect(httpStatusOf(CLOSE.accessRevoked)).toBe(403);
    expect(httpStatusOf(CLOSE.notFound)).toBe(404);
    expect(httpStatusOf(CLOSE.tooManyConnections)).toBe(429);
    expect(httpStatusOf(CLOSE.goingAway)).toBe(503);
  });
});
