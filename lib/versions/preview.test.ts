import { describe, expect, it } from "vitest";
import { offlinePreviewContent } from "./preview";

const snapshot = JSON.stringify({
  slug: "nato",
  name: "North Atlantic Treaty Organization",
  acronym: "NATO",
  kind: "alliance",
  region: "europe",
  status: "active",
  founded: "1949-04-04",
  memberCount: 32,
  summary: "Collective defence.",
  cited: [{ key: "budget", label: "Budget", display: "€4.6bn", sources: [] }],
});

describe("offlinePreviewContent", () => {
  it("renders a version's blocks with pinned cards from their snapshot, as they were", () => {
    const content = offlinePreviewContent({
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Summary" }] },
        { type: "frameworkCard", attrs: { slug: "nato", mode: "pinned", pinnedAt: "2026-11-01T09:00:00Z", snapshot } },
        { type: "frameworkCard", attrs: { slug: "eu", mode: "live", pinnedAt: null, snapshot: null } },
        { type: "comparison", attrs: { comparisonId: "c1", title: "Alliances" } },
      ],
    });
    expect(content.sources).toEqual([]);
    expect(content.blocks[0]).toEqual({
      type: "heading",
      level: 2,
      inlines: [{ type: "text", text: "Summary", marks: {} }],
    });
    const pinned = content.blocks[1];
    expect(pinned?.type === "card" && pinned.card).toMatchObject({
      name: "North Atlantic Treaty Organization",
      acronym: "NATO",
      status: "Active",
      mode: "pinned",
      note: "Pinned 1 Nov 2026",
      summary: "Collective defence.",
      found: true,
    });
    const facts = pinned?.type === "card" ? pinned.card.facts.map((f) => [f.label, f.value]) : [];
    expect(facts).toContainEqual(["Members", "32"]);
    expect(facts).toContainEqual(["Budget", "€4.6bn"]);
    const live = content.blocks[2];
    expect(live?.type === "card" && live.card).toMatchObject({ name: "eu", mode: "live", found: false });
    expect(live?.type === "card" && live.card.note).toMatch(/current catalog/);
    const matrix = content.blocks[3];
    expect(matrix?.type === "matrix" && matrix.matrix).toMatchObject({ title: "Alliances", found: false });
  });

  it("says so when a pinned snapshot cannot be read", () => {
    const content = offlinePreviewContent({
      type: "doc",
      content: [
        { type: "frameworkCard", attrs: { slug: "au", mode: "pinned", pinnedAt: null, snapshot: "{not json" } },
      ],
    });
    expect(content.blocks[0]?.type === "card" && content.blocks[0].card).toMatchObject({
      note: "Pinned snapshot unreadable",
      found: false,
    });
  });
});
