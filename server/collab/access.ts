import { CLOSE } from "@/lib/collab/protocol";
import type { CollabConnection } from "./connection";
import type { AccessChange } from "./fanout";
import { refusalFor, refuse } from "./refuse";
import type { CollabAuthorizer } from "./types";

type Outcome = "kept" | "renewed" | "changed" | "revoked" | "expired" | "unknown";

/** True when `change` may concern this connection. */
export function concerns(change: AccessChange, connection: CollabConnection): boolean {
  if (change.briefingId && change.briefingId !== connection.room.id) return false;
  if (change.userId && change.userId !== connection.user.userId) return false;
  return true;
}

/**
 * Checks a connection's credentials and role again, exactly as at the upgrade, and acts on the
 * answer: no longer allowed -> close 4403 (terminal: the client stops reconnecting), credentials
 * expired -> close 4401 (the client signs in again, then reconnects once), role changed -> close
 * 4000 (the client reconnects and gets the new role), renewed credentials -> keep with the new
 * expiry. When the check itself fails (database down) the connection is kept: the next check decides.
 */
export async function recheckConnection(
  connection: CollabConnection,
  authorize: CollabAuthorizer,
  onError: (error: unknown, context: string) => void,
): Promise<Outcome> {
  if (connection.isClosing) return "kept";
  let user: Awaited<ReturnType<CollabAuthorizer>>;
  try {
    user = await authorize(connection.request, connection.room.id);
  } catch (error) {
    const refusal = refusalFor(error);
    if (refusal.unexpected) {
      onError(error, `checking access of ${connection.user.userId} to ${connection.room.id}`);
      return "unknown";
    }
    if (refusal.code === CLOSE.sessionExpired) {
      refuse(connection, CLOSE.sessionExpired, "Your session expired: sign in again to keep editing.");
      return "expired";
    }
    user = null;
  }
  if (!user || user.userId !== connection.user.userId) {
    refuse(connection, CLOSE.accessRevoked, "You no longer have access to this briefing.");
    return "revoked";
  }
  if (
    user.readOnly !== connection.user.readOnly ||
    Boolean(user.suggestOnly) !== Boolean(connection.user.suggestOnly)
  ) {
    refuse(connection, CLOSE.accessChanged, "Your access to this briefing changed.");
    return "changed";
  }
  const renewed = user.expiresAt !== connection.user.expiresAt;
  connection.user = user;
  return renewed ? "renewed" : "kept";
}
