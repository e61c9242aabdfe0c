import { describe, expect, it } from "vitest";
import {
  answerableSteps,
  applyAnswer,
  briefingClearanceState,
  type ClearanceFacts,
  ClearanceRuleError,
  finalize,
  isOverdue,
  isStale,
  release,
  withdraw,
} from "./machine";

const T0 = new Date("2026-03-01T09:00:00Z");
const DUE = new Date("2026-03-03T17:00:00Z");

function chain(mode: ClearanceFacts["mode"], clearers = 3): ClearanceFacts {
  return {
    mode,
    state: "in_clearance",
    dueAt: DUE,
    steps: Array.from({ length: clearers }, (_, order) => ({ order, answer: null, answeredAt: null })),
  };
}

function rule(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ClearanceRuleError);
    return (error as Error).message;
  }
  throw new Error("expected a refusal");
}

describe("sequential chain", () => {
  it("lets only the current step answer, advances on concurrence and clears when all concur", () => {
    let c = chain("sequential");
    expect(answerableSteps(c)).toEqual([0]);
    expect(rule(() => applyAnswer(c, 1, "concur", T0))).toMatch(/not your turn/);
    c = applyAnswer(c, 0, "concur", T0).clearance;
    expect(answerableSteps(c)).toEqual([1]);
    const second = applyAnswer(c, 1, "concur_with_comments", T0);
    expect(second.state).toBe("in_clearance");
    expect(second.step).toEqual({ order: 1, answer: "concur_with_comments", answeredAt: T0 });
    const last = applyAnswer(second.clearance, 2, "concur", T0);
    expect(last.state).toBe("cleared");
    expect(answerableSteps(last.clearance)).toEqual([]);
  });

  it("stops at a non-concurrence: nobody after it may answer, the lead may override with dissent", () => {
    let c = chain("sequential");
    c = applyAnswer(c, 0, "non_concur", T0).clearance;
    expect(c.state).toBe("in_clearance");
    expect(answerableSteps(c)).toEqual([]);
    expect(rule(() => applyAnswer(c, 1, "concur", T0))).toMatch(/not your turn/);
    expect(rule(() => finalize(c, "  "))).toMatch(/dissent/);
    expect(finalize(c, "Policy office view recorded; deadline is ministerial.")).toEqual({
      state: "cleared",
      override: true,
    });
  });
});

describe("parallel chain", () => {
  it("lets every pending clearer answer in any order, once", () => {
    let c = chain("parallel");
    expect(answerableSteps(c)).toEqual([0, 1, 2]);
    c = applyAnswer(c, 2, "concur", T0).clearance;
    expect(answerableSteps(c)).toEqual([0, 1]);
    expect(rule(() => applyAnswer(c, 2, "non_concur", T0))).toMatch(/already answered/);
    c = applyAnswer(c, 0, "non_concur", T0).clearance;
    const after = applyAnswer(c, 1, "concur", T0);
    // Everybody answered, but one did not concur: still in clearance, waiting for the lead.
    expect(after.state).toBe("in_clearance");
    expect(finalize(after.clearance, "Overruled: legal concurred.").override).toBe(true);
  });

  it("finalizes over a clearer who never answered, only with the dissent", () => {
    const c = applyAnswer(chain("parallel", 2), 0, "concur", T0).clearance;
    expect(rule(() => finalize(c, null))).toMatch(/dissent/);
    expect(finalize(c, "No answer from the regional desk by the deadline.")).toEqual({
      state: "cleared",
      override: true,
    });
  });

  it("refuses a clearer who is not in the chain", () => {
    expect(rule(() => applyAnswer(chain("parallel", 1), 5, "concur", T0))).toMatch(/not a clearer/);
  });
});

describe("deadlines with an injected clock", () => {
  it("flags overdue only after the due time and only while in clearance", () => {
    const c = chain("parallel");
    expect(isOverdue(c, new Date(DUE.getTime()))).toBe(false);
    expect(isOverdue(c, new Date(DUE.getTime() + 1))).toBe(true);
    expect(isOverdue({ ...c, state: "cleared" }, new Date(DUE.getTime() + 1))).toBe(false);
  });
});

describe("closing transitions", () => {
  it("answers nothing once cleared, withdrawn or released", () => {
    for (const state of ["cleared", "withdrawn", "released"] as const) {
      expect(rule(() => applyAnswer({ ...chain("parallel"), state }, 0, "concur", T0))).toMatch(/no longer open/);
      expect(rule(() => finalize({ ...chain("parallel"), state }, "x"))).toMatch(/Only a clearance in clearance/);
    }
  });

  it("releases a cleared, current clearance; not a stale one, nor one still in clearance", () => {
    expect(release({ state: "cleared" }, false)).toBe("released");
    expect(rule(() => release({ state: "cleared" }, true))).toMatch(/text changed/);
    expect(rule(() => release({ state: "in_clearance" }, false))).toMatch(/Only a cleared/);
  });

  it("withdraws until released", () => {
    expect(withdraw({ state: "in_clearance" })).toBe("withdrawn");
    expect(withdraw({ state: "cleared" })).toBe("withdrawn");
    expect(rule(() => withdraw({ state: "released" }))).toMatch(/released/);
    expect(rule(() => withdraw({ state: "withdrawn" }))).toMatch(/already/);
  });
});

describe("staleness and the briefing's state", () => {
  it("is stale when a cleared or released version's hash differs from the current text", () => {
    expect(isStale("cleared", "a", "a")).toBe(false);
    expect(isStale("cleared", "a", "b")).toBe(true);
    expect(isStale("released", "a", "b")).toBe(true);
    expect(isStale("in_clearance", "a", "b")).toBe(false);
    expect(isStale("cleared", "a", null)).toBe(false);
  });

  it("shows draft, the state, or stale", () => {
    expect(briefingClearanceState(null)).toBe("draft");
    expect(briefingClearanceState({ state: "withdrawn", stale: false })).toBe("draft");
    expect(briefingClearanceState({ state: "in_clearance", stale: false })).toBe("in_clearance");
    expect(briefingClearanceState({ state: "cleared", stale: true })).toBe("stale");
    expect(briefingClearanceState({ state: "released", stale: false })).toBe("released");
  });
});
