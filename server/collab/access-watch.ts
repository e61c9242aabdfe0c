import { onAccessChange } from "@/lib/auth/access-events";
import { concerns, recheckConnection } from "./access";
import type { CollabConnection } from "./connection";
import type { AccessChange, RoomFanout } from "./fanout";
import type { CollabAuthorizer } from "./types";

export type AccessWatch = {
  /** Checks again the connections an access change may concern (closing those that lost access). */
  recheckAccess(change: AccessChange): Promise<void>;
  stop(): void;
};

/**
 * Keeps open connections within their access: checks a connection's credentials again when they
 * expire (renewed ones keep it), and the connections an access change concerns when a grant
 * changes or a share link is revoked, on this instance (relayed to the others through `fanout`)
 * or on another one.
 */
export function watchAccess(
  connections: Iterable<CollabConnection>,
  authorize: CollabAuthorizer,
  fanout: RoomFanout,
  onError: (error: unknown, context: string) => void,
): AccessWatch {
  const checking = new Set<CollabConnection>();
  const expiry = setInterval(() => {
    const now = Date.now();
    for (const connection of connections) {
      const { expiresAt } = connection.user;
      if (expiresAt === undefined || expiresAt > now || checking.has(connection)) continue;
      checking.add(connection);
      void recheckConnection(connection, authorize, onError).finally(() => checking.delete(connection));
    }
  }, 250);
  expiry.unref();

  async function recheckAccess(change: AccessChange): Promise<void> {
    const affected = [...connections].filter((connection) => concerns(change, connection));
    await Promise.all(affected.map((connection) => recheckConnection(connection, authorize, onError)));
  }
  // Changes made by this instance's actions are handled here and relayed to the other instances.
  const stopLocal = onAccessChange((change) => {
    fanout.publishAccessChange(change);
    void recheckAccess(change);
  });
  const stopRemote = fanout.onAccessChange((change) => void recheckAccess(change));

  return {
    recheckAccess,
    stop() {
      clearInterval(expiry);
      stopLocal();
      stopRemote();
    },
  };
}
