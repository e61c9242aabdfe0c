import * as encoding from "lib0/encoding";
import { MESSAGE_CHUNK } from "./protocol";

/**
 * Largest payload of one chunk. Well under the server's 1 MiB frame cap (with room for the chunk
 * header), so a large paste never meets the cap and never closes the socket with 1009.
 */
export const CHUNK_BYTES = 256 * 1024;

/**
 * Splits a message longer than `chunkBytes` into chunk messages [110, totalBytes, bytes]; a
 * shorter one is returned as it is. The chunks must be sent back to back (the server keeps one
 * message in assembly per connection).
 */
export function splitMessage(message: Uint8Array, chunkBytes = CHUNK_BYTES): Uint8Array[] {
  if (message.length <= chunkBytes) return [message];
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < message.length; at += chunkBytes) {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_CHUNK);
    encoding.writeVarUint(encoder, message.length);
    encoding.writeVarUint8Array(encoder, message.subarray(at, at + chunkBytes));
    chunks.push(encoding.toUint8Array(encoder));
  }
  return chunks;
}

type SocketClass = typeof globalThis.WebSocket;

/**
 * A WebSocket class (the browser's, or `ws` in Node) whose `send` splits large binary messages
 * into chunks. Passed to y-websocket as `WebSocketPolyfill`, it covers every message the provider
 * sends: live updates and the sync step 2 that carries offline changes on reconnect.
 */
export function chunkingWebSocket(Base: SocketClass, chunkBytes = CHUNK_BYTES): SocketClass {
  return class ChunkingWebSocket extends Base {
    override send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
      const bytes = data instanceof Uint8Array ? data : data instanceof ArrayBuffer ? new Uint8Array(data) : null;
      if (!bytes || bytes.length <= chunkBytes) {
        super.send(data);
        return;
      }
      for (const chunk of splitMessage(bytes, chunkBytes)) super.send(chunk);
    }
  };
}
