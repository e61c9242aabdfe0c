import { describe, expect, it } from "vitest";
import type { CatalogChangeView } from "./audit";
import { describeChange } from "./history-labels";

const change = (overrides: Partial<CatalogChangeView>): CatalogChangeView => ({
  id: "c1",
  entity: "framework",
  entityKey: "fields",
  action: "update",
  before: null,
  after: null,
  userName: "Editor",
  createdAt: "2026-12-05T02:00:00.000Z",
  revertOf: null,
  reverted: false,
  ...overrides,
});
const dims = { decision_rule: { label: "Decision rule", valueType: "enum" } };

describe("history in words", () => {
  it("shows field, kind and date labels instead of codes", () => {
    const d = describeChange(
      change({
        before: { kind: "regional-security-forum", founded: "1948" },
        after: { kind: "collective-defence-alliance", founded: "1949-04-04" },
      }),
      dims,
    );
    expect(d).toEqual({
      verb: "changed",
      what: "Details",
      before: "Kind: Regional security forum or dialogue, Founded (signed): 1948",
      after: "Kind: Collective-defence alliance, Founded (signed): 4 Apr 1949",
    });
  });

  it("names countries, roles and statuses of members", () => {
    const d = describeChange(
      change({
        entity: "member",
        entityKey: "members",
        before: [{ country: "ARM", role: "member", joined: "1994-04-20", left: null }],
        after: [
          {
            country: "ARM",
            role: "member",
            joined: "1994-04-20",
            left: null,
            status: "frozen",
            statusSince: "2024-02",
          },
        ],
      }),
      dims,
    );
    expect(d.before).toBe("Armenia (member, 20 Apr 1994–)");
    expect(d.after).toBe("Armenia (member, 20 Apr 1994–, participation frozen since Feb 2024)");
  });

  it("labels dimensions, option values and source types, and says when a change was a revert", () => {
    const d = describeChange(
      change({
        entity: "attribute",
        entityKey: "decision_rule",
        revertOf: "c0",
        after: { value: "qualified-majority", note: null, sources: [{ title: "Charter", type: "legal-text" }] },
      }),
      dims,
    );
    expect(d).toMatchObject({
      verb: "reverted",
      what: "Decision rule",
      after: "Qualified majority — sources: Charter [Treaty or legal text]",
    });
  });
});
