import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { AuthorityBlock } from "./authority";
import type { MarkingProfile } from "./profile-schema";
import { getMarkingProfile } from "./queries";

/** At most this many profiles may be stored (imports and edits of shipped ones). */
export const MAX_STORED_PROFILES = 50;

/**
 * Saves a validated profile as a new version (import of a new key, or edit of an existing or
 * shipped one) with its revision row, in one transaction. Callers authorize (admin:marking).
 */
export async function saveMarkingProfile(
  db: Db,
  profile: MarkingProfile,
  by: { id: string; name: string },
): Promise<{ key: string; version: number }> {
  const definition = JSON.stringify(profile);
  return db.$transaction(async (tx) => {
    const existing = await tx.markingProfile.findUnique({
      where: { key: profile.key },
      select: { id: true, version: true },
    });
    if (!existing && (await tx.markingProfile.count()) >= MAX_STORED_PROFILES) {
      throw new AppError("too_large", `At most ${MAX_STORED_PROFILES} profiles can be stored; edit an existing one.`);
    }
    const row = existing
      ? await tx.markingProfile.update({
          where: { id: existing.id },
          data: { name: profile.name, definition, version: existing.version + 1 },
          select: { id: true, version: true },
        })
      : await tx.markingProfile.create({
          data: { key: profile.key, name: profile.name, definition },
          select: { id: true, version: true },
        });
    await tx.markingProfileRevision.create({
      data: {
        profileId: row.id,
        version: row.version,
        definition,
        action: existing ? "edit" : "import",
        userId: by.id,
        userName: by.name,
      },
    });
    return { key: profile.key, version: row.version };
  });
}

/** What a briefing's marking may be set to (the API's PUT body, the form). */
export type BriefingMarkingInput = { profile?: string | null; authority?: AuthorityBlock };

/**
 * Sets a briefing's profile and/or authority block. An unknown profile is refused (422) and nothing
 * changes. Callers authorize (briefing:edit).
 */
export async function updateBriefingMarking(
  db: Pick<Db, "briefing" | "markingProfile">,
  briefingId: string,
  input: BriefingMarkingInput,
): Promise<void> {
  if (input.profile && !(await getMarkingProfile(db, input.profile))) {
    throw new AppError("unprocessable", `profile: no marking profile "${input.profile}".`, {
      profile: ["No such marking profile."],
    });
  }
  await db.briefing.update({
    where: { id: briefingId },
    data: {
      ...(input.profile !== undefined ? { markingProfile: input.profile } : {}),
      ...(input.authority
        ? {
            classifiedBy: input.authority.classifiedBy,
            derivedFrom: input.authority.derivedFrom.join("\n"),
            declassifyOn: input.authority.declassifyOn,
          }
        : {}),
    },
  });
}
