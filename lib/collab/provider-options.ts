import { chunkingWebSocket } from "./chunked-socket";
import { shouldReconnect } from "./close-reasons";

/**
 * The y-websocket provider options every client of the collaboration server needs (the editor,
 * and the tests' clients with Node's `ws`): large messages sent in chunks, and no reconnecting
 * after closes that reconnecting cannot fix.
 */
export function collabProviderOptions(Socket: typeof globalThis.WebSocket) {
  return { WebSocketPolyfill: chunkingWebSocket(Socket), shouldReconnect };
}
