/** Closed vocabularies of the catalog with their display labels. */

export const KINDS = {
  "collective-defence-alliance": "Collective-defence alliance",
  "bilateral-defence-treaty": "Bilateral defence treaty",
  "defence-cooperation-agreement": "Defence cooperation agreement",
  "intelligence-sharing-alliance": "Intelligence-sharing alliance",
  "regional-security-forum": "Regional security forum or dialogue",
  "peace-operations-framework": "Peace-operations framework",
  "defence-industrial-programme": "Defence-industrial programme",
} as const;

export const REGIONS = {
  "euro-atlantic": "Euro-Atlantic",
  europe: "Europe",
  "indo-pacific": "Indo-Pacific",
  americas: "Americas",
  africa: "Africa",
  "middle-east": "Middle East",
  eurasia: "Eurasia",
  global: "Global",
} as const;

export const STATUSES = { active: "Active", defunct: "Defunct", suspended: "Suspended" } as const;

export const ROLES = {
  member: "Member",
  observer: "Observer",
  partner: "Partner",
  /** A seat held for a term (joined..left), e.g. the elected members of the AU Peace and Security Council. */
  elected: "Elected seat",
} as const;

/** How a membership stands now; a suspended or frozen member keeps its seat (statusSince says since when). */
export const MEMBER_STATUSES = { active: "Active", suspended: "Suspended", frozen: "Participation frozen" } as const;

export const VALUE_TYPES = ["boolean", "enum", "text", "number", "date"] as const;

export type Kind = keyof typeof KINDS;
export type Region = keyof typeof REGIONS;
export type Status = keyof typeof STATUSES;
export type Role = keyof typeof ROLES;
export type MemberStatus = keyof typeof MEMBER_STATUSES;
export type ValueType = (typeof VALUE_TYPES)[number];

export const keysOf = <T extends object>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
