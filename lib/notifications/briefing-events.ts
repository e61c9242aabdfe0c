import { asBriefingRole, ROLE_LABELS } from "@/lib/auth/roles";
import { type NotificationWriter, recordNotifications } from "./create";
import { MAX_RECIPIENTS_PER_EVENT } from "./kinds";

/**
 * `briefing_shared` for people who were just given a role on a briefing (a person's grant, or a
 * team's members), inside the granting transaction: the grant itself is their access, so no
 * `can()` check is needed. The excerpt names the role ("Editor").
 */
export async function notifyBriefingShared(
  db: NotificationWriter,
  input: { briefingId: string; role: string; actorId: string | null; userIds: string[] },
): Promise<number> {
  const role = asBriefingRole(input.role);
  const excerpt = role ? ROLE_LABELS[role] : "";
  return recordNotifications(
    db,
    input.userIds.slice(0, MAX_RECIPIENTS_PER_EVENT).map((userId) => ({
      userId,
      kind: "briefing_shared",
      briefingId: input.briefingId,
      actorId: input.actorId,
      excerpt,
    })),
  );
}

/** `access_requested` for a briefing's owner when someone asks for access (with their message). */
export async function notifyAccessRequested(
  db: NotificationWriter,
  input: { briefingId: string; ownerId: string; requesterId: string; message: string },
): Promise<number> {
  return recordNotifications(db, [
    {
      userId: input.ownerId,
      kind: "access_requested",
      briefingId: input.briefingId,
      actorId: input.requesterId,
      excerpt: input.message,
    },
  ]);
}
