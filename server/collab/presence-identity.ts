import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import type { CollabUser } from "./types";

/**
 * Rewrites an awareness update so that every presence it carries shows the connection's signed-in
 * identity: `user.id` and `user.name` come from the server, whatever the client claimed (other
 * fields, such as the caret colour, are the client's). Without this, any editor could appear to
 * the others under a colleague's name. Throws on a malformed update (checked before, see messages.ts).
 */
export function stampPresence(update: Uint8Array, user: Pick<CollabUser, "userId" | "name">): Uint8Array {
  const decoder = decoding.createDecoder(update);
  const encoder = encoding.createEncoder();
  const entries = decoding.readVarUint(decoder);
  encoding.writeVarUint(encoder, entries);
  for (let i = 0; i < entries; i++) {
    encoding.writeVarUint(encoder, decoding.readVarUint(decoder)); // client id
    encoding.writeVarUint(encoder, decoding.readVarUint(decoder)); // clock
    const state: unknown = JSON.parse(decoding.readVarString(decoder));
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
