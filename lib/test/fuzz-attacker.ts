import * as decoding from "lib0/decoding";
import { WebSocket } from "ws";
import { decodeSaveStatus, encodeSaveRequest, MESSAGE_SAVE_STATUS } from "@/lib/collab/protocol";
import type { FuzzFrame } from "./fuzz-frames";

/** How the server ended an attacker connection: its close code, "kept" (it answered and stayed open). */
export type AttackOutcome = number | "kept";

const FINAL_NONCE = 1_000_000;

/**
 * One attacker connection: sends `frames` as fast as possible, then a save request. The request's
 * answer proves the server read every frame and kept the connection ("kept"); otherwise the result
 * is the server's close code. Rejects when the server does neither within `timeoutMs` (a hang) or
 * refuses the upgrade.
 */
export function attack(url: string, frames: FuzzFrame[], timeoutMs = 15_000): Promise<AttackOutcome> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    let kept = false;
    const timer = setTimeout(() => {
      ws.terminate();
      reject(new Error(`no answer and no close within ${timeoutMs} ms for [${frames.map((f) => f.kind)}]`));
    }, timeoutMs);
    ws.on("open", () => {
      for (const frame of frames) ws.send(frame.data, () => {}); // errors: the server closed first
      ws.send(encodeSaveRequest(FINAL_NONCE), () => {});
    });
    ws.on("message", (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(decoder) !== MESSAGE_SAVE_STATUS) return;
      if (decodeSaveStatus(decoder).ackedNonce < FINAL_NONCE) return;
      kept = true;
      ws.close(1000);
    });
    ws.on("unexpected-response", (_req, res) => {
      clearTimeout(timer);
      ws.terminate();
      reject(new Error(`upgrade refused with ${res.statusCode}`));
    });
    ws.on("error", () => {});
    ws.on("close", (code) => {
      clearTimeout(timer);
      resolve(kept ? "kept" : code);
    });
  });
}
