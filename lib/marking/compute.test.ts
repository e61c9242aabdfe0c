import { describe, expect, it } from "vitest";
import { computeMarking, isReleasable, type Portion, portionLabel } from "./compute";
import { parseProfileJson } from "./profile-schema";
import { SHIPPED_PROFILES, shippedProfile } from "./shipped";

const profile = (key: string) => {
  const p = shippedProfile(key);
  if (!p) throw new Error(key);
  return p;
};
const portions = (...marks: (string | null)[]): Portion[] =>
  marks.map((mark, i) => ({ mark, where: `Paragraph ${i + 1}` }));

describe("US-style profile (32 CFR 2001.21-23)", () => {
  const us = profile("us-cnsi");

  it("takes the highest level present", () => {
    expect(computeMarking(us, portions("U", "C", "U")).banner).toBe("CONFIDENTIAL");
    expect(computeMarking(us, portions("U", "TS", "S")).banner).toBe("TOP SECRET");
    expect(computeMarking(us, portions("U", "CUI")).banner).toBe("CUI");
    expect(computeMarking(us, portions("U")).banner).toBe("UNCLASSIFIED");
  });

  it("unions the controls in the profile's order", () => {
    const m = computeMarking(us, portions("S/NOFORN", "C/ORCON", "U"));
    expect(m.controls).toEqual(["NOFORN", "ORCON"]);
    expect(m.banner).toBe("SECRET//NOFORN/ORCON");
    expect(m.issues).toEqual([]);
  });

  it("intersects REL TO over the portions, owner first, groups kept when whole", () => {
    expect(computeMarking(us, portions("S/REL:USA,GBR,AUS", "C/REL:USA,GBR", "U")).banner).toBe(
      "SECRET//REL TO USA, GBR",
    );
    // FVEY ∩ (GBR, CAN, FRA) = GBR, CAN; the owner is always on the list.
    expect(computeMarking(us, portions("S/REL:FVEY", "S/REL:GBR,CAN,FRA")).banner).toBe("SECRET//REL TO USA, CAN, GBR");
    expect(computeMarking(us, portions("S/REL:FVEY", "C/REL:FVEY")).banner).toBe("SECRET//REL TO USA, FVEY");
    // An unclassified portion does not narrow the list.
    expect(computeMarking(us, portions("U", "S/REL:FVEY")).releaseTo).toEqual(["USA", "FVEY"]);
  });

  it("drops REL TO when a portion is NOFORN or names no recipient", () => {
    const noforn = computeMarking(us, portions("S/REL:FVEY", "C/NOFORN"));
    expect(noforn.banner).toBe("SECRET//NOFORN");
    expect(noforn.releaseTo).toBeNull();
    const unlisted = computeMarking(us, portions("S/REL:FVEY", "C"));
    expect(unlisted.banner).toBe("SECRET");
    expect(unlisted.issues.map((i) => i.kind)).toEqual(["release-conflict"]);
  });

  it("reports prohibited combinations, controls below their level and unknown codes", () => {
    const m = computeMarking(us, portions("S/NOFORN/REL:GBR", "U/ORCON", "S/BOGUS", "S/REL:XXX", "Q"));
    expect(m.issues).toEqual([
      { kind: "prohibited", message: "NOFORN and REL TO cannot mark the same portion.", where: "Paragraph 1" },
      { kind: "level-bound", message: "ORCON is used only at C or above.", where: "Paragraph 2" },
      {
        kind: "unknown-code",
        message: "BOGUS is not a control of US-style (32 CFR 2001.21-23).",
        where: "Paragraph 3",
      },
      {
        kind: "unknown-code",
        message: "XXX is not a recipient of US-style (32 CFR 2001.21-23).",
        where: "Paragraph 4",
      },
      { kind: "unknown-code", message: "Q is not a level of US-style (32 CFR 2001.21-23).", where: "Paragraph 5" },
      // A mark with a code the profile does not know is no mark (validPortion).
      { kind: "unmarked", message: "This portion has no mark.", where: "Paragraph 3" },
      { kind: "unmarked", message: "This portion has no mark.", where: "Paragraph 4" },
      { kind: "unmarked", message: "This portion has no mark.", where: "Paragraph 5" },
    ]);
  });

  it("requires every portion marked, but a catalog card defaults to the lowest level", () => {
    const m = computeMarking(us, [
      { mark: "C", where: "Paragraph 1" },
      { mark: null, where: "Paragraph 2" },
      { mark: null, card: true, where: "Framework card 3" },
    ]);
    expect(m.unmarked).toEqual(["Paragraph 2"]);
    expect(m.banner).toBe("CONFIDENTIAL");
  });

  it("prints portion marks in their short form", () => {
    expect(portionLabel(us, "S/NOFORN/ORCON")).toBe("(S//NF/OC)");
    expect(portionLabel(us, "C/REL:USA,GBR")).toBe("(C//REL TO USA, GBR)");
    expect(portionLabel(us, null)).toBe("");
  });
});

describe("UK Government Security Classifications", () => {
  const uk = profile("uk-gscp");

  it("counts unmarked text as OFFICIAL and marks the highest tier", () => {
    const m = computeMarking(uk, portions(null, "OS/COMMERCIAL", null));
    expect(m.unmarked).toEqual([]);
    expect(m.banner).toBe("OFFICIAL-SENSITIVE COMMERCIAL");
    expect(computeMarking(uk, portions(null)).banner).toBe("OFFICIAL");
    expect(computeMarking(uk, portions("OS", "S/UKEO")).banner).toBe("SECRET UK EYES ONLY");
  });

  it("reports descriptors outside OFFICIAL-SENSITIVE and UK EYES ONLY with a release list", () => {
    const m = computeMarking(uk, portions("S/PERSONAL", "S/UKEO/REL:USA"));
    expect(m.issues.map((i) => i.kind)).toEqual(["level-bound", "prohibited"]);
  });

  it("intersects RELEASABLE TO lists", () => {
    expect(computeMarking(uk, portions("S/REL:USA,AUS", "OS/REL:USA")).banner).toBe("SECRET RELEASABLE TO GBR, USA");
  });
  it("counts a mark the profile does not know as unmarked: flagged, no label, never released", () => {
    // "TS/NOFORN" is a US mark: NOFORN is no UK control, so the portion is not TOP SECRET here.
    const m = computeMarking(uk, portions("OS", "TS/NOFORN"));
    expect(m.banner).toBe("OFFICIAL-SENSITIVE");
    expect(m.issues).toEqual([
      {
        kind: "unknown-code",
        message: "NOFORN is not a control of UK Government Security Classifications.",
        where: "Paragraph 2",
      },
    ]);
    expect(portionLabel(uk, "TS/NOFORN")).toBe("");
    expect(portionLabel(uk, "Q")).toBe("");
    expect(portionLabel(uk, "TS")).toBe("(TS)");
    expect(isReleasable(uk, { mark: "O/BOGUS", where: "Paragraph 1" }, "USA")).toBe(false);
    expect(isReleasable(uk, { mark: "O", where: "Paragraph 1" }, "USA")).toBe(true);
  });
});

describe("NATO", () => {
  const nato = profile("nato");

  it("uses NATO levels, implicitly releasable to NATO nations", () => {
    expect(computeMarking(nato, portions("NU", "NS", "NR")).banner).toBe("NATO SECRET");
    expect(computeMarking(nato, portions("CTS", "NC")).banner).toBe("COSMIC TOP SECRET");
    expect(computeMarking(nato, portions("NC/ATOMAL")).banner).toBe("NATO CONFIDENTIAL ATOMAL");
  });

  it("extends to partners only when every portion does", () => {
    expect(computeMarking(nato, portions("NS/REL:AUS,JPN", "NR/REL:AUS")).banner).toBe(
      "NATO SECRET RELEASABLE TO AUS, NATO",
    );
    expect(computeMarking(nato, portions("NS/REL:AUS", "NR")).banner).toBe("NATO SECRET");
  });

  it("reports ATOMAL below CONFIDENTIAL and with a release list, and unmarked portions", () => {
    const m = computeMarking(nato, portions("NR/ATOMAL", "NC/ATOMAL/REL:AUS", null));
    expect(m.issues.map((i) => i.kind)).toEqual(["level-bound", "prohibited", "unmarked"]);
    expect(m.unmarked).toEqual(["Paragraph 3"]);
  });
});

describe("Unclassified / Official default", () => {
  const official = profile("official");
  it("needs no marks and starts at UNCLASSIFIED", () => {
    expect(computeMarking(official, portions(null, null)).banner).toBe("UNCLASSIFIED");
    expect(computeMarking(official, portions(null, "O/DRAFT")).banner).toBe("OFFICIAL//DRAFT");
    expect(computeMarking(official, []).banner).toBe("UNCLASSIFIED");
  });
});

describe("release filtering", () => {
  const us = profile("us-cnsi");
  const nato = profile("nato");
  const at = (mark: string | null, card = false): Portion => ({ mark, card, where: "x" });

  it("keeps portions releasable to a country or a whole group", () => {
    expect(isReleasable(us, at("U"), "GBR")).toBe(true);
    expect(isReleasable(us, at("S/REL:GBR"), "GBR")).toBe(true);
    expect(isReleasable(us, at("S/REL:FVEY"), "GBR")).toBe(true);
    expect(isReleasable(us, at("S/REL:FVEY"), "FVEY")).toBe(true);
    expect(isReleasable(us, at("S/REL:GBR,CAN"), "FVEY")).toBe(false);
    expect(isReleasable(us, at("S/REL:GBR"), "FRA")).toBe(false);
    expect(isReleasable(us, at("S"), "GBR")).toBe(false);
    expect(isReleasable(us, at("S/NOFORN"), "GBR")).toBe(false);
    expect(isReleasable(us, at("U/NOFORN"), "GBR")).toBe(false);
    expect(isReleasable(us, at(null), "GBR")).toBe(false);
    expect(isReleasable(us, at(null, true), "GBR")).toBe(true);
    expect(isReleasable(nato, at("NS"), "DEU")).toBe(true);
    expect(isReleasable(nato, at("NS"), "AUS")).toBe(false);
    expect(isReleasable(nato, at("NS/REL:AUS"), "AUS")).toBe(true);
  });
});

describe("profiles as data", () => {
  it("ships four valid profiles", () => {
    expect(SHIPPED_PROFILES.map((p) => p.key)).toEqual(["official", "us-cnsi", "uk-gscp", "nato"]);
  });

  it("refuses invalid profile JSON with readable errors", () => {
    expect(parseProfileJson("{")).toMatchObject({ ok: false });
    const bad = parseProfileJson(
      JSON.stringify({
        key: "x1",
        name: "Bad",
        levels: [
          { code: "A", banner: "A", portion: "A" },
          { code: "A", banner: "B", portion: "B" },
        ],
        controls: [{ code: "N", banner: "N", portion: "N", kind: "caveat", minLevel: "Z" }],
        rules: [{ together: ["N", "Q"], message: "no" }],
      }),
    );
    expect(bad).toEqual({
      ok: false,
      errors: [
        "levels.1.code: Duplicate level.",
        "controls.0.minLevel: Unknown level Z.",
        "rules.0.together: Unknown control Q.",
      ],
    });
    expect(parseProfileJson(JSON.stringify(SHIPPED_PROFILES[1]))).toMatchObject({ ok: true });
  });
});
