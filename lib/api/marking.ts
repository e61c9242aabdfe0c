import type { z } from "zod";
import { authorizeBriefing } from "@/lib/auth/permissions";
import { loadCurrentContent } from "@/lib/briefings/doc/current";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { AuthorityBlock } from "@/lib/marking/authority";
import type { MarkingIssue } from "@/lib/marking/compute";
import { markingOf } from "@/lib/marking/document";
import { getBriefingMarking } from "@/lib/marking/queries";
import { updateBriefingMarking } from "@/lib/marking/service";
import { auditApiWrite } from "./audit";
import type { ApiCaller } from "./caller";
import type { apiMarkingSchema } from "./schema";

/** A briefing's marking as the API shows it (GET and PUT /api/v1/briefings/:id/marking). */
export type ApiMarking = {
  briefingId: string;
  /** The profile key, or null while none is chosen. */
  profile: string | null;
  profileName: string | null;
  authority: AuthorityBlock;
  /** The free-text marking from before profiles (printed while no profile is chosen). */
  legacyClassification: string;
  /** The banner as exports print it now: computed from the portions, or the legacy marking. */
  banner: string;
  issues: MarkingIssue[];
  /** Where unmarked portions are, when the profile requires marks (exports are refused meanwhile). */
  unmarked: string[];
};

async function describeMarking(db: Db, id: string): Promise<ApiMarking> {
  const [marking, json] = await Promise.all([getBriefingMarking(db, id), loadCurrentContent(db, id)]);
  if (!marking || !json) throw new AppError("not_found", "No such briefing.");
  const computed = marking.profile ? markingOf(marking.profile, json) : null;
  return {
    briefingId: id,
    profile: marking.profileKey,
    profileName: marking.profile?.name ?? null,
    authority: marking.authority,
    legacyClassification: marking.legacy,
    banner: computed?.banner ?? marking.legacy,
    issues: computed?.issues ?? [],
    unmarked: computed?.unmarked ?? [],
  };
}

/** The briefing's marking profile, authority block and computed banner (read access). */
export async function apiGetMarking(db: Db, caller: ApiCaller, id: string): Promise<ApiMarking> {
  await authorizeBriefing(db, caller.actor, id, "read");
  return describeMarking(db, id);
}

/** Sets the profile and/or authority block (briefing:edit), audited in the same transaction. */
export async function apiPutMarking(
  db: Db,
  caller: ApiCaller,
  id: string,
  input: z.infer<typeof apiMarkingSchema>,
): Promise<ApiMarking> {
  await authorizeBriefing(db, caller.actor, id, "edit");
  await db.$transaction(async (tx) => {
    await updateBriefingMarking(tx, id, input);
    const what = [
      input.profile !== undefined ? `profile=${input.profile ?? "none"}` : "",
      input.authority ? "authority" : "",
    ];
    await auditApiWrite(tx, caller, { action: "briefing.marking", target: `${id} ${what.filter(Boolean).join(" ")}` });
  });
  return describeMarking(db, id);
}
