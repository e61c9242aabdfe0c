import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import { splitMessage } from "@/lib/collab/chunked-socket";
import { describeClose, shouldReconnect } from "@/lib/collab/close-reasons";
import { CLOSE, MESSAGE_CHUNK } from "@/lib/collab/protocol";
import { ByteBudget } from "./byte-budget";
import { type IncomingLimits, IncomingReader } from "./incoming";

const MiB = 1024 * 1024;
const LIMITS: IncomingLimits = {
  maxChangeBytes: 4 * MiB,
  maxReadOnlyBytes: MiB,
  byteBudget: { burstBytes: 64 * MiB, bytesPerMinute: 64 * MiB },
};

/** A sync update message (type 0/2) holding `size` bytes of payload. */
function updateMessage(size: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 2);
  encoding.writeVarUint8Array(encoder, new Uint8Array(size).fill(7));
  return encoding.toUint8Array(encoder);
}

function chunk(totalBytes: number, bytes: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_CHUNK);
  encoding.writeVarUint(encoder, totalBytes);
  encoding.writeVarUint8Array(encoder, bytes);
  return encoding.toUint8Array(encoder);
}

describe("IncomingReader", () => {
  it("reassembles a chunked message into the original one", () => {
    const reader = new IncomingReader(LIMITS, () => false);
    const chunks = splitMessage(updateMessage(3 * MiB));
    expect(chunks.length).toBeGreaterThan(10);
    const results = chunks.map((c) => reader.read(c));
    expect(results.slice(0, -1).every((r) => r.kind === "partial")).toBe(true);
    const last = results.at(-1)!;
    expect(last.kind === "message" && last.message.kind === "update" && last.message.update.length).toBe(3 * MiB);
  });

  it("refuses an over-limit change from its first chunk, with a smaller limit when read-only", () => {
    const [first] = splitMessage(updateMessage(5 * MiB));
    expect(new IncomingReader(LIMITS, () => false).read(first!)).toMatchObject({
      kind: "close",
      code: CLOSE.changeTooLarge,
      reason: "Change too large to save (5.2 MB, limit 4.2 MB)",
    });
    const [small] = splitMessage(updateMessage(2 * MiB));
    expect(new IncomingReader(LIMITS, () => false).read(small!).kind).toBe("partial");
    expect(new IncomingReader(LIMITS, () => true).read(small!)).toMatchObject({ code: CLOSE.changeTooLarge });
  });

  it("closes with 1007 on inconsistent chunks and on other messages in the middle of one", () => {
    const reader = new IncomingReader(LIMITS, () => false);
    expect(reader.read(chunk(10, new Uint8Array(4))).kind).toBe("partial");
    expect(reader.read(chunk(11, new Uint8Array(4)))).toMatchObject({ code: CLOSE.invalidPayload });
    const other = new IncomingReader(LIMITS, () => false);
    other.read(chunk(10, new Uint8Array(4)));
    expect(other.read(new Uint8Array([3]))).toMatchObject({ code: CLOSE.invalidPayload });
    const overflow = new IncomingReader(LIMITS, () => false);
    overflow.read(chunk(10, new Uint8Array(8)));
    expect(overflow.read(chunk(10, new Uint8Array(8)))).toMatchObject({ code: CLOSE.invalidPayload });
    const nested = new IncomingReader(LIMITS, () => false);
    const inner = chunk(1, new Uint8Array(1));
    expect(nested.read(chunk(inner.length, inner))).toMatchObject({ code: CLOSE.invalidPayload });
  });

  it("closes with 4429 once the byte budget is spent", () => {
    const reader = new IncomingReader(
      { ...LIMITS, byteBudget: { burstBytes: 1000, bytesPerMinute: 1000 } },
      () => false,
    );
    expect(reader.read(new Uint8Array([3])).kind).toBe("message");
    const flood = Array.from({ length: 1000 }, () => reader.read(new Uint8Array([3])));
    expect(flood.at(-1)).toMatchObject({ code: CLOSE.tooMuchData, reason: expect.stringMatching(/a minute/) });
  });
});

describe("ByteBudget", () => {
  it("refills at its rate up to the burst", () => {
    let now = 0;
    const budget = new ByteBudget({ burstBytes: 100, bytesPerMinute: 60 }, () => now);
    expect(budget.take(100)).toBe(true);
    expect(budget.take(1)).toBe(false);
    now += 60_000; // one minute: 60 bytes back, less the byte overdrawn above
    expect(budget.take(59)).toBe(true);
    expect(budget.take(1)).toBe(false);
    now += 10 * 60_000;
    expect(budget.take(100)).toBe(true);
    expect(budget.take(1)).toBe(false);
  });
});

describe("client side of refused changes", () => {
  it("does not reconnect after closes that would repeat, and explains them", () => {
    for (const code of [CLOSE.messageTooBig, CLOSE.changeTooLarge, CLOSE.tooMuchData, CLOSE.clientIdInUse])
      expect(shouldReconnect({ code }), String(code)).toBe(false);
    for (const code of [CLOSE.goingAway, CLOSE.accessChanged, CLOSE.missingDependencies, CLOSE.tryAgainLater])
      expect(shouldReconnect({ code }), String(code)).toBe(true);
    expect(describeClose(CLOSE.changeTooLarge, "Change too large to save (2.1 MB, limit 1.0 MB)")).toBe(
      "This change is too large to save (2.1 MB, limit 1.0 MB). Copy it elsewhere, remove it from the briefing " +
        "(or split it into smaller parts), then reconnect. Changes after it are not saved either.",
    );
    expect(describeClose(CLOSE.goingAway, "")).toBeNull();
  });
});
