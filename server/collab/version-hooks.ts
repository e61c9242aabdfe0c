import type { AutoVersioner } from "@/lib/versions/auto";
import type { CollabHooks, CollabVisit } from "./hooks";
import type { Room } from "./room";

/**
 * Version history plugs into the collaboration server here: every stored batch counts as
 * activity (and credits its authors), and the last connection leaving a room makes a version of
 * what it stored (see AutoVersioner).
 */
export function versionHooks(versioner: AutoVersioner): CollabHooks {
  const rooms = new WeakMap<CollabVisit, Room>();
  return {
    load: (visit, room) => void rooms.set(visit, room),
    stored: (event) => void versioner.changed(event.briefingId, event.userIds),
    close: (visit) => {
      const room = rooms.get(visit);
      if (!room) return;
      // The websocket's own close handler removes the peer from the room after this socket event.
      setImmediate(() => {
        if (room.size > 0) return;
        room.persistence
          .flush()
          .catch(() => {})
          .then(() => (room.size === 0 ? versioner.left(room.id) : undefined));
      });
    },
  };
}
