import { CLOSE } from "@/lib/collab/protocol";
import { ByteBudget, type ByteBudgetOptions, formatMegabytes } from "./byte-budget";
import { type ClientMessage, ProtocolError, parseClientMessage } from "./messages";

export type IncomingLimits = {
  /** Largest message an editor may send in chunks (a whole paste or offline catch-up). */
  maxChangeBytes: number;
  /** Largest message a read-only connection may send (its frame cap: it has nothing big to say). */
  maxReadOnlyBytes: number;
  byteBudget: ByteBudgetOptions;
};

/** What one incoming frame amounts to: a message, nothing yet (a chunk), or a reason to close. */
export type Incoming =
  | { kind: "message"; message: ClientMessage }
  | { kind: "partial" }
  | { kind: "close"; code: number; reason: string };

/**
 * Turns one connection's frames into messages: charges every frame to the connection's byte
 * budget, decodes it, and reassembles chunked messages (lib/collab/chunked-socket.ts) up to the
 * connection's limit. The limit is checked against the size the first chunk announces, so an
 * over-limit change is refused before any of it is buffered.
 */
export class IncomingReader {
  private readonly budget: ByteBudget;
  private assembly: { buffer: Uint8Array; filled: number } | null = null;

  constructor(
    private readonly limits: IncomingLimits,
    private readonly readOnly: () => boolean,
  ) {
    this.budget = new ByteBudget(limits.byteBudget);
  }

  /** Reads one binary frame. */
  read(frame: Uint8Array): Incoming {
    if (!this.budget.take(frame.length)) return { kind: "close", code: CLOSE.tooMuchData, reason: this.budget.reason };
    const parsed = parse(frame);
    if (parsed.kind !== "message" || parsed.message.kind !== "chunk") {
      if (this.assembly && parsed.kind === "message") return malformed("message inside a chunked message");
      return parsed;
    }
    return this.addChunk(parsed.message.totalBytes, parsed.message.bytes);
  }

  private addChunk(totalBytes: number, bytes: Uint8Array): Incoming {
    if (!this.assembly) {
      const limit = this.readOnly() ? this.limits.maxReadOnlyBytes : this.limits.maxChangeBytes;
      if (totalBytes > limit) {
        const reason = `Change too large to save (${formatMegabytes(totalBytes)}, limit ${formatMegabytes(limit)})`;
        return { kind: "close", code: CLOSE.changeTooLarge, reason };
      }
      this.assembly = { buffer: new Uint8Array(totalBytes), filled: 0 };
    }
    const assembly = this.assembly;
    if (totalBytes !== assembly.buffer.length || assembly.filled + bytes.length > totalBytes || !bytes.length) {
      return malformed("inconsistent chunk");
    }
    assembly.buffer.set(bytes, assembly.filled);
    assembly.filled += bytes.length;
    if (assembly.filled < totalBytes) return { kind: "partial" };
    this.assembly = null;
    const whole = parse(assembly.buffer);
    if (whole.kind === "message" && whole.message.kind === "chunk") return malformed("chunk inside a chunk");
    return whole;
  }
}

function malformed(what: string): Incoming {
  return { kind: "close", code: CLOSE.invalidPayload, reason: `Malformed message: ${what}` };
}

function parse(data: Uint8Array): Incoming {
  try {
    return { kind: "message", message: parseClientMessage(data) };
  } catch (error) {
    const protocolError = error instanceof ProtocolError ? error : new ProtocolError("malformed", "invalid message");
    const code = protocolError.kind === "unsupported" ? CLOSE.unsupportedData : CLOSE.invalidPayload;
    return { kind: "close", code, reason: `Malformed message: ${protocolError.message}`.slice(0, 120) };
  }
}
