import { describe, expect, it } from "vitest";
import { USER_COLORS, userColor } from "@/lib/collab/user-color";
import { buildFrameworkDetail } from "@/lib/test/fixtures";
import { changedSincePinned, liveAttrs, parseSnapshot, pinnedAttrs } from "./framework-snapshot";
import { normalizeHref } from "./link";

const detail = buildFrameworkDetail();

describe("pinned framework cards", () => {
  it("store the card's facts and the catalog version, and read them back", () => {
    const attrs = pinnedAttrs(detail, new Date("2026-11-20T08:00:00.000Z"));
    expect(attrs).toMatchObject({ slug: "nato", mode: "pinned", pinnedAt: "2026-11-20T08:00:00.000Z" });
    const snapshot = parseSnapshot(attrs.snapshot);
    expect(snapshot).toMatchObject({ name: detail.name, memberCount: 32, catalogUpdatedAt: detail.updatedAt });
    expect(snapshot).not.toHaveProperty("members");
    expect(liveAttrs("nato")).toEqual({ slug: "nato", mode: "live", pinnedAt: null, snapshot: null });
  });

  it("reject snapshots that are not what a client should have written", () => {
    expect(parseSnapshot(null)).toBeNull();
    expect(parseSnapshot("{not json")).toBeNull();
    expect(parseSnapshot(JSON.stringify({ ...detail, kind: "empire" }))).toBeNull();
    expect(parseSnapshot(JSON.stringify({ name: "x" }))).toBeNull();
  });

  it("are 'updated since pinned' only when the catalog changed after the snapshot's version", () => {
    const attrs = pinnedAttrs(detail, new Date("2026-11-20T08:00:00.000Z"));
    const snapshot = parseSnapshot(attrs.snapshot);
    expect(changedSincePinned(attrs, snapshot, detail.updatedAt)).toBe(false);
    expect(changedSincePinned(attrs, snapshot, "2026-11-01T10:00:00.001Z")).toBe(true);
    // A browser clock far ahead does not hide a later catalog change: the catalog's time decides.
    const skewed = pinnedAttrs(detail, new Date("2030-01-01T00:00:00.000Z"));
    expect(changedSincePinned(skewed, parseSnapshot(skewed.snapshot), "2026-11-02T00:00:00.000Z")).toBe(true);
    // Without a readable snapshot, pinnedAt is the reference.
    expect(changedSincePinned({ pinnedAt: "2026-11-20T08:00:00.000Z" }, null, "2026-11-21T00:00:00.000Z")).toBe(true);
    expect(changedSincePinned({ pinnedAt: null }, null, "2026-11-21T00:00:00.000Z")).toBe(false);
  });
});

describe("links typed by authors", () => {
  it("keep http(s) and mailto, add https:// to bare domains, refuse script URLs", () => {
    expect(normalizeHref(" example.org/report ")).toBe("https://example.org/report");
    expect(normalizeHref("http://nato.int")).toBe("http://nato.int/");
    expect(normalizeHref("mailto:desk@example.org")).toBe("mailto:desk@example.org");
    expect(normalizeHref("javascript:alert(1)")).toBeNull();
    expect(normalizeHref("data:text/html,x")).toBeNull();
    expect(normalizeHref("")).toBeNull();
  });
});

describe("user colours", () => {
  it("are stable per user, valid for carets, and spread over the palette", () => {
    expect(userColor("user-1")).toBe(userColor("user-1"));
    expect(USER_COLORS.every((c) => /^#[0-9a-f]{6}$/.test(c))).toBe(true);
    const used = new Set(Array.from({ length: 200 }, (_, i) => userColor(`user-${i}`)));
    expect(used.size).toBe(USER_COLORS.length);
  });
});
