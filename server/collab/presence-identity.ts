import * as encoding from "lib0/encoding";
import type { AwarenessEntry } from "./messages";
import type { CollabUser } from "./types";

/**
 * Encodes a client's awareness entries (y-protocols encoding) so that every presence shows the
 * connection's signed-in identity: `user.id` and `user.name` come from the server, whatever the
 * client claimed (other fields, such as the caret colour, are the client's). Without this, any
 * editor could appear to the others under a colleague's name.
 */
export function stampPresence(entries: AwarenessEntry[], user: Pick<CollabUser, "userId" | "name">): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, JSON.stringify(stamp(state, user)));
  }
  return encoding.toUint8Array(encoder);
}

function stamp(state: unknown, user: Pick<CollabUser, "userId" | "name">): unknown {
  // null = the client left; any other non-object is not a presence anyone renders.
  if (state === null || typeof state !== "object" || Array.isArray(state)) return state;
  const claimed = (state as { user?: unknown }).user;
  const rest = claimed && typeof claimed === "object" && !Array.isArray(claimed) ? claimed : {};
  return { ...state, user: { ...rest, id: user.userId, name: user.name } };
}
