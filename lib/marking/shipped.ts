import { type MarkingProfile, markingProfileSchema } from "./profile-schema";
import nato from "./profiles/nato.json";
import official from "./profiles/official.json";
import ukGscp from "./profiles/uk-gscp.json";
import usCnsi from "./profiles/us-cnsi.json";

/** The key of the profile a briefing uses until it picks another. */
export const DEFAULT_PROFILE_KEY = "official";

/**
 * The profiles shipped with the app (JSON files next to this one, validated on load). An
 * administrator's edit of one is stored in the database under the same key and takes precedence.
 */
export const SHIPPED_PROFILES: readonly MarkingProfile[] = [official, usCnsi, ukGscp, nato].map((json) =>
  markingProfileSchema.parse(json),
);

/** A shipped profile by key. */
export function shippedProfile(key: string): MarkingProfile | undefined {
  return SHIPPED_PROFILES.find((p) => p.key === key);
}
