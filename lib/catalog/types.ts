import type { Kind, MemberStatus, Region, Role, Status } from "./constants";
import type { SourceInput, TypedValue } from "./schema";

export type FrameworkSummary = {
  slug: string;
  name: string;
  acronym: string | null;
  kind: Kind;
  region: Region;
  status: Status;
  founded: string | null;
  ended: string | null;
  headquarters: string | null;
  summary: string;
  memberCount: number;
};

export type MemberView = {
  country: string;
  countryName: string;
  role: Role;
  joined: string | null;
  left: string | null;
  status: MemberStatus;
  statusSince: string | null;
};

export type AttributeView = {
  key: string;
  label: string;
  group: string;
  valueType: string;
  value: TypedValue;
  display: string;
  note: string | null;
  asOf: string | null;
  reviewDue: string | null;
  sources: SourceInput[];
};

export type FrameworkDetail = FrameworkSummary & {
  inForce: string | null;
  legalBasis: string | null;
  updatedAt: string;
  members: MemberView[];
  groups: { group: string; attributes: AttributeView[] }[];
};

export type Facet = { value: string; label: string; count: number };
export type CatalogFacets = { kinds: Facet[]; regions: Facet[]; statuses: Facet[]; countries: Facet[]; total: number };
