import type { MarkingProfile } from "./profile-schema";

/** The recipients a release copy may be made for under a profile: groups first, then countries A-Z. */
export function releaseOptions(profile: MarkingProfile | null): { code: string; name: string }[] {
  if (!profile?.release) return [];
  const countries = [...profile.release.countries].sort((a, b) => a.name.localeCompare(b.name));
  return [...profile.release.groups.map((g) => ({ code: g.code, name: g.name })), ...countries];
}
