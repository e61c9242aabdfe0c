import { describe, expect, it } from "vitest";
import { sampleMatrixData } from "@/lib/test/matrix-fixtures";
import { parseViewState } from "./parse-view-state";
import { resolveViewState } from "./resolve";
import type { ViewState } from "./types";
import { defaultViewState, groupIdOf, MAX_FRAMEWORKS, serializeViewState } from "./view-state";

const full: ViewState = {
  frameworks: ["nato", "aukus", "quad"],
  scope: null,
  transpose: true,
  dimensionOrder: ["member_count", "decision_rule"],
  hiddenDimensions: ["main_challenges"],
  hiddenFrameworks: ["quad"],
  collapsedGroups: ["capabilities-and-industry"],
  frameworkSort: { by: "member_count", desc: true },
  dimensionSort: { by: "_label", desc: false },
  filter: 'consensus & co, "quoted"',
  highlightDifferences: true,
  hideEqual: true,
  virtual: false,
};

describe("view state in the URL", () => {
  it("serialises the default state to an empty query", () => {
    expect(serializeViewState(defaultViewState())).toBe("");
    expect(parseViewState("")).toEqual({ state: defaultViewState(), notices: [] });
  });

  it("round-trips every field, with readable lists", () => {
    const query = serializeViewState(full);
    expect(query).toContain("fw=nato,aukus,quad");
    expect(query).toContain("fsort=-member_count");
    expect(parseViewState(query)).toEqual({ state: full, notices: [] });
    expect(parseViewState(`?${query}`).state).toEqual(full);
    expect(parseViewState(new URLSearchParams(query)).state).toEqual(full);
    expect(serializeViewState(parseViewState(query).state)).toBe(query);
  });

  it("round-trips a catalog scope instead of a list", () => {
    const state: ViewState = { ...defaultViewState(), scope: { region: "europe", status: "active", q: "pact" } };
    const query = serializeViewState(state);
    expect(query).toBe("all=1&q=pact&region=europe&status=active");
    expect(parseViewState(query)).toEqual({ state, notices: [] });
  });

  it("accepts repeated parameters, as a plain HTML form sends them, and record input", () => {
    expect(parseViewState("fw=nato&fw=aukus,quad&fw=nato").state.frameworks).toEqual(["nato", "aukus", "quad"]);
    expect(parseViewState({ fw: ["nato", "quad"], transpose: "1", other: undefined }).state).toMatchObject({
      frameworks: ["nato", "quad"],
      transpose: true,
    });
  });

  it("falls back to defaults for malformed parts and says so", () => {
    const { state, notices } = parseViewState(
      "fw=nato,NOT%20A%20SLUG,quad&transpose=maybe&fsort=--x&dsort=_name&equal=sometimes&diff=1&utm_source=mail",
    );
    expect(state).toEqual({ ...defaultViewState(), frameworks: ["nato", "quad"], highlightDifferences: true });
    const text = notices.map((n) => n.message).join("\n");
    expect(text).toContain("NOT A SLUG");
    expect(text).toContain("transpose setting “maybe”");
    expect(text).toContain("framework order setting “--x”");
    expect(text).toContain("dimension order setting “_name”");
    expect(text).toContain("equal rows setting");
    expect(text).toContain("Ignored unknown URL setting(s): utm_source");
    expect(notices.find((n) => n.message.includes("utm_source"))?.kind).toBe("ignored");
  });

  it("caps the selection with a clear message", () => {
    const slugs = Array.from({ length: MAX_FRAMEWORKS + 7 }, (_, i) => `framework-${i}`);
    const { state, notices } = parseViewState(`fw=${slugs.join(",")}`);
    expect(state.frameworks).toEqual(slugs.slice(0, MAX_FRAMEWORKS));
    expect(notices).toEqual([
      {
        kind: "capped",
        message: `Only the first ${MAX_FRAMEWORKS} of the ${MAX_FRAMEWORKS + 7} frameworks are compared: a comparison holds at most ${MAX_FRAMEWORKS}.`,
      },
    ]);
  });

  it("cuts an overlong filter, ignores bad scope filters and a list alongside all=1", () => {
    const { state, notices } = parseViewState(`all=1&kind=bogus&region=europe&fw=nato&filter=${"x".repeat(150)}`);
    expect(state.scope).toEqual({ region: "europe" });
    expect(state.frameworks).toEqual([]);
    expect(state.filter).toHaveLength(100);
    expect(notices.map((n) => n.kind).sort()).toEqual(["ignored", "malformed", "malformed"]);
  });

  it("never throws on garbage", () => {
    for (const input of ["%%%", "fw=,,,", "=&&=", "fw=%E0%A4%A", "fsort=-", "all=1&country=zz", "collapsed=A B"]) {
      expect(() => parseViewState(input)).not.toThrow();
    }
    expect(parseViewState("fw=,,,").state.frameworks).toEqual([]);
  });

  it("derives URL-safe group ids", () => {
    expect(groupIdOf("Capabilities and industry")).toBe("capabilities-and-industry");
    expect(groupIdOf("  R&D / Space ")).toBe("r-d-space");
    expect(groupIdOf("???")).toBe("group");
  });
});

describe("resolveViewState", () => {
  it("drops slugs, keys and groups the data does not have, naming them", () => {
    const parsed = parseViewState(
      "fw=alpha,ghost,bravo&dorder=members,nope&dhide=gone&collapsed=governance,outer-space&fhide=ghost&fsort=nope&dsort=ghost",
    ).state;
    const { state, notices } = resolveViewState(parsed, sampleMatrixData());
    expect(state).toMatchObject({
      frameworks: ["alpha", "bravo"],
      dimensionOrder: ["members"],
      hiddenDimensions: [],
      collapsedGroups: ["governance"],
      hiddenFrameworks: [],
      frameworkSort: null,
      dimensionSort: null,
    });
    const text = notices.map((n) => n.message);
    expect(text).toContain("Ignored unknown framework: ghost.");
    expect(text).toContain("Ignored unknown dimensions: nope, gone.");
    expect(text).toContain("Ignored unknown dimension group: outer-space.");
    expect(notices.every((n) => n.kind === "ignored")).toBe(true);
  });

  it("leaves a valid state alone", () => {
    const parsed = parseViewState("fw=alpha,bravo&fsort=members&dsort=-bravo&collapsed=commitments").state;
    expect(resolveViewState(parsed, sampleMatrixData())).toEqual({ state: parsed, notices: [] });
  });
});
