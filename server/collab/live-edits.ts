import { type LiveEditor, registerLiveEditor } from "@/lib/versions/live";
import type { RoomRegistry } from "./rooms";

/** Origin of server-side edits (restores): broadcast, stored and published like a peer's change. */
export const SERVER_EDIT_ORIGIN = Symbol("collab-server-edit");

/**
 * Lets routes of this process change a briefing through its room (lib/versions/live.ts): the room
 * is loaded if nobody has it open, the edit is applied to its document once the stored state is,
 * and the promise resolves when the change is committed. Open editors receive it as an update.
 */
export function attachLiveEdits(rooms: RoomRegistry): () => void {
  const editor: LiveEditor = async (briefingId, edit) => {
    const room = await rooms.acquire(briefingId);
    if (!room) return false;
    try {
      await new Promise<void>((resolve, reject) =>
        room.whenReady(() => {
          try {
            room.doc.transact(() => edit(room.doc), SERVER_EDIT_ORIGIN);
            resolve();
          } catch (error) {
            reject(error);
          }
        }),
      );
      await room.persistence.flush();
      return true;
    } finally {
      rooms.release(briefingId);
    }
  };
  return registerLiveEditor(editor);
}
