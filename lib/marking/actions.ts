"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions";
import { briefingId } from "@/lib/briefings/schema";
import { AppError } from "@/lib/errors";
import { authoritySchema } from "./authority";
import { PROFILE_JSON_MAX, parseProfileJson } from "./profile-schema";
import { saveMarkingProfile, updateBriefingMarking } from "./service";

const briefingMarkingSchema = z.object({
  briefingId,
  /** "" = no profile (the legacy free-text marking is printed). */
  profile: z.string().max(40),
  authority: authoritySchema,
});

/** Sets a briefing's marking profile and authority block (owners and editors: briefing:edit). */
export const setBriefingMarking = defineAction(
  {
    schema: briefingMarkingSchema,
    permission: (data) => ({ action: "briefing:edit", briefingId: data.briefingId }),
    revalidate: (data) => [`/briefings/${data.briefingId}`, `/briefings/${data.briefingId}/export`],
  },
  async ({ data, db }) => {
    await updateBriefingMarking(db, data.briefingId, { profile: data.profile || null, authority: data.authority });
    return { profile: data.profile || null };
  },
);

/**
 * Imports a new marking profile or saves an edit of one (a shipped one included) as a new
 * version, validated; instance administrators only (admin:marking). Invalid JSON changes nothing.
 */
export const saveMarkingProfileJson = defineAction(
  {
    schema: z.object({
      json: z.string().max(PROFILE_JSON_MAX, `A profile is at most ${PROFILE_JSON_MAX} characters.`),
    }),
    permission: () => ({ action: "admin:marking" }),
    revalidate: () => ["/admin/marking"],
  },
  async ({ data, db, user }) => {
    const parsed = parseProfileJson(data.json);
    if (!parsed.ok) throw new AppError("unprocessable", parsed.errors.join(" "), { json: parsed.errors });
    return saveMarkingProfile(db, parsed.profile, { id: user.id, name: user.name });
  },
);
