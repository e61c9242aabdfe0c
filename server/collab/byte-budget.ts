/** Bytes a connection may send: a burst, then a steady rate. */
export type ByteBudgetOptions = { burstBytes: number; bytesPerMinute: number };

const MiB = 1024 * 1024;

/** Generous for a person (a 16 MiB paste at once, 16 MiB a minute after it), small for a flood. */
export const DEFAULT_BYTE_BUDGET: ByteBudgetOptions = { burstBytes: 32 * MiB, bytesPerMinute: 16 * MiB };

/**
 * A token bucket over the bytes one connection sends: it starts full (`burstBytes`) and refills at
 * `bytesPerMinute`. Counting bytes rather than messages bounds the work and memory a single
 * connection can cause, whatever the messages hold.
 */
export class ByteBudget {
  private tokens: number;
  private last: number;

  constructor(
    readonly options: ByteBudgetOptions,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = options.burstBytes;
    this.last = now();
  }

  /** Takes `bytes` from the budget; false when they exceed what is left. */
  take(bytes: number): boolean {
    const now = this.now();
    const refill = ((now - this.last) / 60_000) * this.options.bytesPerMinute;
    this.tokens = Math.min(this.options.burstBytes, this.tokens + refill);
    this.last = now;
    this.tokens -= bytes;
    return this.tokens >= 0;
  }

  /** The close reason for an exhausted budget; the client shows the part in parentheses. */
  get reason(): string {
    return `Too much data too fast (limit ${formatMegabytes(this.options.bytesPerMinute)} a minute)`;
  }
}

/** Bytes as megabytes for people: "2.1 MB" (one decimal below 10). */
export function formatMegabytes(bytes: number): string {
  const mb = bytes / 1_000_000;
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}
