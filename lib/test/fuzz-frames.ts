import * as encoding from "lib0/encoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import {
  CLOSE,
  MESSAGE_AWARENESS,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_SAVE_STATUS,
  MESSAGE_SYNC,
} from "@/lib/collab/protocol";
import { appendParagraph } from "./ydoc";

/** A small seeded PRNG (mulberry32): the same seed gives the same frames. */
export function createRng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const bytes = (length: number) => Uint8Array.from({ length }, () => int(0, 255));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)] as T;
  return { next, int, bytes, pick };
}
export type Rng = ReturnType<typeof createRng>;

/**
 * What the server must do with a frame: close with this code (every time), maybe close with 1007
 * (random bytes that Yjs may or may not accept), or keep the connection.
 */
export type Expectation = { close: number } | "maybe-invalid" | "keep";

export type FuzzFrame = { kind: FrameKind; data: Uint8Array | string; expect: Expectation };

export const FRAME_KINDS = [
  "truncated-varint",
  "huge-length",
  "unknown-type",
  "bad-sync-type",
  "trailing-bytes",
  "text",
  "random-update",
  "corrupt-update",
  "bad-awareness-json",
  "random-awareness",
  "oversized",
  "benign",
] as const;
export type FrameKind = (typeof FRAME_KINDS)[number];

/** Relative frequency of each frame kind; oversized frames are rarer because they are large. */
const WEIGHTS: Record<FrameKind, number> = {
  "truncated-varint": 10,
  "huge-length": 10,
  "unknown-type": 10,
  "bad-sync-type": 6,
  "trailing-bytes": 6,
  text: 8,
  "random-update": 14,
  "corrupt-update": 14,
  "bad-awareness-json": 8,
  "random-awareness": 6,
  oversized: 3,
  benign: 15,
};

/** A frame kind drawn by WEIGHTS. */
export function pickKind(rng: Rng): FrameKind {
  const total = Object.values(WEIGHTS).reduce((a, b) => a + b, 0);
  let r = rng.next() * total;
  for (const kind of FRAME_KINDS) {
    r -= WEIGHTS[kind];
    if (r < 0) return kind;
  }
  return "benign";
}

function message(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

const syncUpdate = (update: Uint8Array) =>
  message((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC);
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint8Array(e, update);
  });

const awareness = (update: Uint8Array) =>
  message((e) => {
    encoding.writeVarUint(e, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(e, update);
  });

/** An awareness update with one entry whose state is `json` (not necessarily valid JSON). */
function awarenessEntries(entries: [clientId: number, clock: number, json: string][]): Uint8Array {
  return message((e) => {
    encoding.writeVarUint(e, entries.length);
    for (const [clientId, clock, json] of entries) {
      encoding.writeVarUint(e, clientId);
      encoding.writeVarUint(e, clock);
      encoding.writeVarString(e, json);
    }
  });
}

/** A real update as an editor would send it, from a throwaway document with a random client id. */
function realUpdate(rng: Rng): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = rng.int(1, 2 ** 30);
  appendParagraph(doc, `attacker ${rng.int(0, 1e6)}`);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/** Flips, drops or inserts a few bytes of a real update: structurally plausible, likely corrupt. */
function corrupt(rng: Rng, update: Uint8Array): Uint8Array {
  const bytes = [...update];
  for (let i = rng.int(1, 3); i > 0; i--) {
    const at = rng.int(0, bytes.length - 1);
    const op = rng.int(0, 3);
    if (op === 0) bytes[at] = rng.int(0, 255);
    else if (op === 1) bytes.splice(at, 1);
    else if (op === 2) bytes.splice(at, 0, rng.int(0, 255));
    else bytes.length = at; // truncate
  }
  return Uint8Array.from(bytes);
}

const INVALID_JSON = ['{"user":', "{bad json}", "undefined", "\u0000\u0001", "[1,2", '{"a":1}}', "NaN", "'x'"];

/**
 * One random frame of the given kind, with what the server must do with it. `maxMessageBytes` is
 * the server's limit (for oversized frames); `readOnly` connections have their updates dropped
 * unread, so their update frames never close them.
 */
export function fuzzFrame(rng: Rng, kind: FrameKind, maxMessageBytes: number, readOnly: boolean): FuzzFrame {
  const update = (data: Uint8Array): FuzzFrame => ({ kind, data, expect: readOnly ? "keep" : "maybe-invalid" });
  switch (kind) {
    case "truncated-varint": // a varuint whose continuation bit promises a byte that never comes
      return {
        kind,
        data: rng.pick([[0x80], [0, 0x80], [0, 2, 0xff], [1, 0xff, 0xff], [100, 0x80]].map((b) => Uint8Array.from(b))),
        expect: { close: CLOSE.invalidPayload },
      };
    case "huge-length": {
      const length = rng.pick([2 ** 31, 2 ** 32 + 7, 2 ** 52, 2 ** 53 + 1, 2 ** 70]);
      const prefix = rng.pick([[0, 2], [0, 1], [0, 0], [1]]);
      const data = message((e) => {
        for (const b of prefix) encoding.writeVarUint(e, b);
        // Past 2^53 lib0 cannot represent the number; write the raw continuation bytes instead.
        if (length <= Number.MAX_SAFE_INTEGER) encoding.writeVarUint(e, length);
        else for (let i = 0; i < 11; i++) encoding.writeUint8(e, 0xff);
        encoding.writeUint8Array(e, rng.bytes(rng.int(0, 16)));
      });
      return { kind, data, expect: { close: CLOSE.invalidPayload } };
    }
    case "unknown-type": {
      const type = rng.pick([2, 4, 5, 42, 99, 101, 127, 128, 2 ** 20]);
      const data = message((e) => {
        encoding.writeVarUint(e, type);
        encoding.writeUint8Array(e, rng.bytes(rng.int(0, 8)));
      });
      return { kind, data, expect: { close: CLOSE.unsupportedData } };
    }
    case "bad-sync-type":
      return {
        kind,
        data: Uint8Array.from([MESSAGE_SYNC, rng.int(3, 127), 0]),
        expect: { close: CLOSE.invalidPayload },
      };
    case "trailing-bytes":
      return {
        kind,
        data: Uint8Array.from([MESSAGE_QUERY_AWARENESS, ...rng.bytes(rng.int(1, 8))]),
        expect: { close: CLOSE.invalidPayload },
      };
    case "text":
      return {
        kind,
        data: rng.pick(["hello", "", "\u0000\u0000", "[0,0,1]", "x".repeat(rng.int(1, 2000))]),
        expect: { close: CLOSE.unsupportedData },
      };
    case "random-update":
      return update(syncUpdate(rng.bytes(rng.int(0, 64))));
    case "corrupt-update":
      return update(syncUpdate(corrupt(rng, realUpdate(rng))));
    case "bad-awareness-json": {
      const entries: [number, number, string][] = [[rng.int(1, 2 ** 30), rng.int(1, 5), rng.pick(INVALID_JSON)]];
      // Sometimes a valid entry first: the whole update must be refused, not half applied.
      if (rng.next() < 0.5) entries.unshift([rng.int(1, 2 ** 30), 1, JSON.stringify({ user: { name: "Ghost" } })]);
      return { kind, data: awareness(awarenessEntries(entries)), expect: { close: CLOSE.invalidPayload } };
    }
    case "random-awareness":
      return { kind, data: awareness(rng.bytes(rng.int(1, 48))), expect: "maybe-invalid" };
    case "oversized":
      return {
        kind,
        data: syncUpdate(rng.bytes(maxMessageBytes + rng.int(1, maxMessageBytes))),
        expect: { close: CLOSE.messageTooBig },
      };
    case "benign":
      return { kind, data: benign(rng), expect: "keep" };
  }
}

function benign(rng: Rng): Uint8Array {
  switch (rng.int(0, 3)) {
    case 0:
      return Uint8Array.from([MESSAGE_SYNC, 0, 1, 0]); // sync step 1 with an empty state vector
    case 1:
      return Uint8Array.from([MESSAGE_QUERY_AWARENESS]);
    case 2:
      return Uint8Array.from([MESSAGE_SAVE_STATUS, rng.int(1, 100)]);
    default: {
      const other = new awarenessProtocol.Awareness(new Y.Doc());
      other.setLocalStateField("user", { name: `Mallory ${rng.int(0, 99)}` });
      const data = awareness(awarenessProtocol.encodeAwarenessUpdate(other, [other.clientID]));
      other.destroy();
      return data;
    }
  }
}

/**
 * The close codes the server may answer a burst with, in order: every "maybe" frame before the
 * first certain offender may close with 1007, the certain offender closes with its code; with no
 * certain offender the connection may also survive ("kept").
 */
export function allowedOutcomes(frames: FuzzFrame[]): Set<number | "kept"> {
  const allowed = new Set<number | "kept">();
  for (const frame of frames) {
    if (frame.expect === "keep") continue;
    if (frame.expect === "maybe-invalid") {
      allowed.add(CLOSE.invalidPayload);
      continue;
    }
    allowed.add(frame.expect.close);
    return allowed;
  }
  allowed.add("kept");
  return allowed;
}
