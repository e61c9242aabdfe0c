import type { DimensionInput, FrameworkFileInput, FrameworkInput } from "@/lib/catalog/schema";
import type { FrameworkDetail } from "@/lib/catalog/types";

/** Test data builders: a valid object by default, overridden per test. */

export function buildSource(overrides: Partial<FrameworkInput["attributes"][number]["sources"][number]> = {}) {
  return {
    title: "Founding treaty",
    url: "https://example.org/treaty",
    publisher: "Example Ministry",
    accessed: "2026-11-27",
    type: "official" as const,
    ...overrides,
  };
}

export function buildDimension(overrides: Partial<DimensionInput> = {}) {
  return {
    key: "collective_defence_clause",
    label: "Collective-defence clause",
    group: "Commitments",
    valueType: "boolean" as const,
    options: [],
    description: null,
    ...overrides,
  };
}

export function buildFramework(overrides: Partial<FrameworkFileInput> = {}) {
  return {
    slug: "test-alliance",
    name: "Test Alliance",
    acronym: "TA",
    kind: "collective-defence-alliance" as const,
    region: "europe" as const,
    status: "active" as const,
    founded: "2001-02-03",
    inForce: null,
    ended: null,
    headquarters: "Brussels, Belgium",
    legalBasis: "Test Treaty",
    summary: "A framework used by tests.",
    members: [
      {
        country: "FRA",
        role: "member" as const,
        joined: "2001-02-03",
        left: null,
        status: "active" as const,
        statusSince: null,
      },
      {
        country: "DEU",
        role: "member" as const,
        joined: "2001-02-03",
        left: null,
        status: "active" as const,
        statusSince: null,
      },
    ],
    attributes: [
      {
        dimension: "collective_defence_clause",
        value: true,
        note: null,
        asOf: null,
        reviewDue: null,
        sources: [buildSource()],
      },
    ],
    ...overrides,
  };
}

export function buildCatalog(frameworks = [buildFramework()], dimensions = [buildDimension()]) {
  return { version: 1 as const, dimensions, frameworks };
}

let userCounter = 0;

/** A user row (the columns better-auth requires); ids and emails are unique per call. */
export function buildUser(overrides: Partial<{ id: string; name: string; email: string }> = {}) {
  userCounter++;
  const id = overrides.id ?? `user_${process.pid}_${userCounter}`;
  return { id, name: `Test User ${userCounter}`, email: `${id}@example.org`, ...overrides };
}

/** A framework as the catalog's detail query returns it (NATO-like), for card and snapshot tests. */
export function buildFrameworkDetail(overrides: Partial<FrameworkDetail> = {}): FrameworkDetail {
  return {
    slug: "nato",
    name: "North Atlantic Treaty Organization",
    acronym: "NATO",
    kind: "collective-defence-alliance",
    region: "euro-atlantic",
    status: "active",
    founded: "1949-04-04",
    ended: null,
    headquarters: "Brussels, Belgium",
    summary: "Collective defence.",
    memberCount: 32,
    inForce: "1949-08-24",
    legalBasis: "North Atlantic Treaty",
    updatedAt: "2026-11-01T10:00:00.000Z",
    members: [],
    groups: [],
    ...overrides,
  };
}
