import type { Db } from "@/lib/db";
import { type AuthorityBlock, splitSources } from "./authority";
import { type MarkingProfile, markingProfileSchema } from "./profile-schema";
import { SHIPPED_PROFILES, shippedProfile } from "./shipped";

/** A profile as listed: where it comes from, and its stored version when an administrator saved it. */
export type ProfileSummary = {
  key: string;
  name: string;
  description: string;
  origin: "shipped" | "edited" | "imported";
  version: number | null;
};

/** Parses a stored definition again (a row edited by hand must not break pages): null when invalid. */
function parseStored(definition: string): MarkingProfile | null {
  try {
    const parsed = markingProfileSchema.safeParse(JSON.parse(definition));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Every profile a briefing may pick: the shipped ones (or an administrator's edit of one) and imported ones. */
export async function listMarkingProfiles(db: Db): Promise<ProfileSummary[]> {
  const rows = await db.markingProfile.findMany({
    select: { key: true, name: true, definition: true, version: true },
    orderBy: { name: "asc" },
  });
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const shipped = SHIPPED_PROFILES.map((p): ProfileSummary => {
    const row = byKey.get(p.key);
    const edited = row ? parseStored(row.definition) : null;
    const profile = edited ?? p;
    return {
      key: p.key,
      name: profile.name,
      description: profile.description,
      origin: edited ? "edited" : "shipped",
      version: row?.version ?? null,
    };
  });
  const imported = rows
    .filter((r) => !shippedProfile(r.key))
    .flatMap((r) => {
      const p = parseStored(r.definition);
      return p
        ? [{ key: r.key, name: p.name, description: p.description, origin: "imported" as const, version: r.version }]
        : [];
    });
  return [...shipped, ...imported];
}

/** A profile by key: an administrator's saved version first, else the shipped one; null when unknown. */
export async function getMarkingProfile(db: Pick<Db, "markingProfile">, key: string): Promise<MarkingProfile | null> {
  const row = await db.markingProfile.findUnique({ where: { key }, select: { definition: true } });
  return (row ? parseStored(row.definition) : null) ?? shippedProfile(key) ?? null;
}

/** A briefing's marking settings: its profile (resolved), authority block and legacy marking. */
export type BriefingMarking = {
  profileKey: string | null;
  profile: MarkingProfile | null;
  authority: AuthorityBlock;
  /** The free-text marking from before profiles, shown while no profile is chosen. */
  legacy: string;
};

/** The marking settings of a briefing (null when it does not exist). No authorization here. */
export async function getBriefingMarking(db: Db, briefingId: string): Promise<BriefingMarking | null> {
  const row = await db.briefing.findUnique({
    where: { id: briefingId },
    select: { markingProfile: true, classification: true, classifiedBy: true, derivedFrom: true, declassifyOn: true },
  });
  if (!row) return null;
  return {
    profileKey: row.markingProfile,
    profile: row.markingProfile ? await getMarkingProfile(db, row.markingProfile) : null,
    authority: {
      classifiedBy: row.classifiedBy,
      derivedFrom: splitSources(row.derivedFrom),
      declassifyOn: row.declassifyOn,
    },
    legacy: row.classification.trim(),
  };
}

/** The saved versions of a profile, newest first (the audit trail). */
export async function listProfileRevisions(db: Db, key: string) {
  return db.markingProfileRevision.findMany({
    where: { profile: { key } },
    orderBy: { version: "desc" },
    take: 50,
    select: { version: true, action: true, userName: true, createdAt: true },
  });
}
