// The one place catalog rows become typed values. SQLite has no enums, so kinds, statuses, roles
// and value types are stored as text and a dimension's options as JSON text; every reader goes
// through these parsers instead of casting where it reads.
import {
  KINDS,
  type Kind,
  MEMBER_STATUSES,
  type MemberStatus,
  REGIONS,
  type Region,
  ROLES,
  type Role,
  STATUSES,
  type Status,
  VALUE_TYPES,
  type ValueType,
} from "./constants";

/**
 * A stored code from its list of allowed codes. Writes are validated with the zod schemas, so a
 * code outside the list means the database was edited by hand: that fails loudly, not as a
 * framework card with no label.
 */
function oneOf<K extends string>(allowed: readonly K[], value: string, what: string): K {
  if ((allowed as readonly string[]).includes(value)) return value as K;
  throw new Error(`Unknown ${what} "${value}" in the database.`);
}

const kinds = Object.keys(KINDS) as Kind[];
const regions = Object.keys(REGIONS) as Region[];
const statuses = Object.keys(STATUSES) as Status[];
const roles = Object.keys(ROLES) as Role[];
const memberStatuses = Object.keys(MEMBER_STATUSES) as MemberStatus[];

type StoredFramework = { kind: string; region: string; status: string };

/** A framework row with its kind, region and status typed. */
export function parseFrameworkRow<R extends StoredFramework>(
  row: R,
): Omit<R, keyof StoredFramework> & { kind: Kind; region: Region; status: Status } {
  return {
    ...row,
    kind: oneOf(kinds, row.kind, "framework kind"),
    region: oneOf(regions, row.region, "region"),
    status: oneOf(statuses, row.status, "framework status"),
  };
}

/** A framework status alone (for narrow selects such as the comparison picker's options). */
export function parseFrameworkStatus(value: string): Status {
  return oneOf(statuses, value, "framework status");
}

type StoredMembership = { role: string; status: string };

/** A membership row with its role and status typed. */
export function parseMembershipRow<R extends StoredMembership>(
  row: R,
): Omit<R, keyof StoredMembership> & { role: Role; status: MemberStatus } {
  return {
    ...row,
    role: oneOf(roles, row.role, "member role"),
    status: oneOf(memberStatuses, row.status, "member status"),
  };
}

type StoredDimension = { valueType: string; options: string };

/** A dimension row with its value type typed and its options (JSON text) as a list. */
export function parseDimensionRow<R extends StoredDimension>(
  row: R,
): Omit<R, keyof StoredDimension> & { valueType: ValueType; options: string[] } {
  return {
    ...row,
    valueType: oneOf(VALUE_TYPES, row.valueType, "value type"),
    options: JSON.parse(row.options) as string[],
  };
}
