import { randomBytes } from "node:crypto";
import net from "node:net";
import { CLOSE } from "@/lib/collab/protocol";
import type { Rng } from "./fuzz-frames";

/** How a raw connection ended: the server's close code (1006 when it sent none), and when. */
export type RawClose = { code: number; afterMs: number; response: string };

/** Reads the server's frames (unmasked) and resolves with the code of its close frame. */
function closeCodeOf(bytes: Buffer): number {
  let at = 0;
  while (at + 2 <= bytes.length) {
    const opcode = (bytes[at] as number) & 0x0f;
    let length = (bytes[at + 1] as number) & 0x7f;
    let start = at + 2;
    if (length === 126) {
      length = bytes.readUInt16BE(start);
      start += 2;
    } else if (length === 127) {
      length = Number(bytes.readBigUInt64BE(start));
      start += 8;
    }
    if (opcode === 0x8) return length >= 2 ? bytes.readUInt16BE(start) : 1005;
    at = start + length;
  }
  return 1006;
}

/** A client frame; `masked: false` or a reserved opcode make it invalid on purpose. */
export function clientFrame(
  opcode: number,
  payload: Uint8Array,
  { fin = true, rsv1 = false, masked = true } = {},
): Buffer {
  const head = [(fin ? 0x80 : 0) | (rsv1 ? 0x40 : 0) | opcode];
  const maskBit = masked ? 0x80 : 0;
  if (payload.length < 126) head.push(maskBit | payload.length);
  else head.push(maskBit | 126, payload.length >> 8, payload.length & 0xff);
  const mask = masked ? randomBytes(4) : Buffer.alloc(0);
  const body = Buffer.from(payload.map((b, i) => (masked ? b ^ (mask[i % 4] as number) : b)));
  return Buffer.concat([Buffer.from(head), mask, body]);
}

/**
 * Violations of the websocket framing itself (RFC 6455), which `ws` answers before our protocol
 * code sees anything: 1002 for framing errors, 1007 for invalid UTF-8 text, 1009 for a length
 * beyond the limit.
 */
export function invalidWebSocketFrame(rng: Rng): { name: string; bytes: Buffer; code: number } {
  const cases: (() => { name: string; bytes: Buffer; code: number })[] = [
    () => ({ name: "unmasked", bytes: clientFrame(0x2, rng.bytes(8), { masked: false }), code: CLOSE.protocolError }),
    () => ({
      name: "reserved opcode",
      bytes: clientFrame(rng.pick([3, 4, 5, 6, 7, 0xb, 0xf]), rng.bytes(4)),
      code: CLOSE.protocolError,
    }),
    () => ({
      name: "rsv1 without extension",
      bytes: clientFrame(0x2, rng.bytes(4), { rsv1: true }),
      code: CLOSE.protocolError,
    }),
    () => ({
      name: "fragmented ping",
      bytes: clientFrame(0x9, rng.bytes(4), { fin: false }),
      code: CLOSE.protocolError,
    }),
    () => ({ name: "orphan continuation", bytes: clientFrame(0x0, rng.bytes(4)), code: CLOSE.protocolError }),
    () => ({
      name: "bad close code",
      bytes: clientFrame(0x8, Uint8Array.from([0, rng.int(0, 99)])),
      code: CLOSE.protocolError,
    }),
    () => ({
      name: "invalid utf-8",
      bytes: clientFrame(0x1, Uint8Array.from([0xff, 0xfe, 0xc3])),
      code: CLOSE.invalidPayload,
    }),
    () => ({
      name: "64-bit length",
      // 2^40 bytes announced: refused from the header alone.
      bytes: Buffer.from([0x82, 0xff, 0, 0, 1, 0, 0, 0, 0, 0, ...randomBytes(4)]),
      code: CLOSE.messageTooBig,
    }),
  ];
  return rng.pick(cases)();
}

/** The head of a websocket upgrade request. */
export function upgradeHead(path: string): string {
  return (
    `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
    `Sec-WebSocket-Key: ${randomBytes(16).toString("base64")}\r\nSec-WebSocket-Version: 13\r\n`
  );
}

/**
 * Upgrades a raw TCP connection, sends `bytes` once the server has answered 101, and resolves
 * with the close code the server sent (or 1006 if it only dropped the connection).
 */
export function rawWebSocketSend(port: number, path: string, bytes: Buffer, timeoutMs = 10_000): Promise<RawClose> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = net.connect(port, "127.0.0.1", () => socket.write(`${upgradeHead(path)}\r\n`));
    let received = Buffer.alloc(0);
    let upgraded = false;
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`server neither closed nor answered a raw websocket within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.on("data", (chunk) => {
      received = Buffer.concat([received, chunk]);
      if (upgraded) return;
      const end = received.indexOf("\r\n\r\n");
      if (end < 0) return;
      const head = received.subarray(0, end).toString("latin1");
      received = received.subarray(end + 4);
      if (!head.startsWith("HTTP/1.1 101")) {
        socket.destroy();
        return;
      }
      upgraded = true;
      socket.write(bytes);
    });
    socket.on("error", () => {});
    socket.on("close", () => {
      clearTimeout(timer);
      resolve({ code: upgraded ? closeCodeOf(received) : 0, afterMs: Date.now() - started, response: "" });
    });
  });
}

/**
 * A slow-loris client: starts an upgrade request and trickles one header byte every `dripMs`,
 * never finishing the head. Resolves once the server closes the connection (code 0), or with code
 * -1 if it is still open after `giveUpMs` (then the client closes it).
 */
export function slowLoris(port: number, path: string, dripMs: number, giveUpMs: number): Promise<RawClose> {
  return new Promise((resolve) => {
    const started = Date.now();
    let gaveUp = false;
    const timer = setTimeout(() => {
      gaveUp = true;
      socket.destroy();
    }, giveUpMs);
    let response = "";
    let drip: ReturnType<typeof setInterval> | undefined;
    const socket = net.connect(port, "127.0.0.1", () => {
      socket.write(upgradeHead(path));
      drip = setInterval(() => socket.write("X"), dripMs);
    });
    socket.setEncoding("latin1");
    socket.on("data", (chunk: string) => {
      response += chunk;
    });
    socket.on("error", () => {});
    socket.on("close", () => {
      clearInterval(drip);
      clearTimeout(timer);
      resolve({ code: gaveUp ? -1 : 0, afterMs: Date.now() - started, response });
    });
  });
}
