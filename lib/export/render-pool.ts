import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { AppError } from "@/lib/errors";
import type { ExportFile } from "./render";
import type { ExportDocument, ExportFormat } from "./types";

// Resolved from the app's root (the working directory, as for the PDF fonts), not from this
// module's URL: in the built app this module is inside a Next bundle, the entry is not.
const WORKER_ENTRY = path.join(process.cwd(), "lib", "export", "render-worker.ts");

// The entry is TypeScript and worker threads do not inherit tsx's loader on Node 20 (see
// lib/briefings/doc/threaded-store.ts): register tsx inside the worker, then load the entry.
const BOOTSTRAP = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(
  `file://${WORKER_ENTRY}`,
)}); })`;

/** 503 with a Retry-After: the pool's queue is full, or a client asked too often (429). */
export class RetryLaterError extends AppError {
  constructor(
    code: "rate_limited" | "unavailable",
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(code, message);
  }
}

type Job = {
  doc: ExportDocument;
  format: ExportFormat;
  resolve: (file: ExportFile) => void;
  reject: (error: Error) => void;
};
type Reply = { id: number; error?: string; body?: ArrayBuffer; contentType?: string; contentDisposition?: string };
type Slot = { worker: Worker; job: Job | null };

export type RenderPoolOptions = {
  /** Worker threads rendering at once (default: cores - 1, at least 1). */
  size?: number;
  /** Jobs allowed to wait for a worker; more are refused with 503 (default: 8 per worker, at least 16). */
  queueLimit?: number;
};

/**
 * Renders exports on worker threads, so a PDF of a hundred pages never stalls the event loop that
 * answers every other request. At most `size` renders run at once; up to `queueLimit` more wait in
 * order; beyond that a request is refused with 503 and Retry-After instead of piling up.
 */
export class ExportRenderPool {
  readonly size: number;
  readonly queueLimit: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;
  /** Renders finished since start: what tests and benchmarks read to tell renders from cache hits. */
  rendered = 0;

  constructor(options: RenderPoolOptions = {}) {
    this.size = Math.max(1, options.size ?? os.availableParallelism() - 1);
    this.queueLimit = options.queueLimit ?? Math.max(16, 8 * this.size);
  }

  /** Renders running now. */
  get active(): number {
    return this.slots.filter((slot) => slot.job).length;
  }

  /** Renders waiting for a worker. */
  get waiting(): number {
    return this.queue.length;
  }

  /** Renders a document in a worker; rejects with RetryLaterError when the queue is full. */
  render(doc: ExportDocument, format: ExportFormat): Promise<ExportFile> {
    if (this.closed) return Promise.reject(new Error("The export pool is closed"));
    if (this.active >= this.size && this.queue.length >= this.queueLimit) {
      return Promise.reject(new RetryLaterError("unavailable", "Exports are busy right now. Try again shortly.", 5));
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ doc, format, resolve, reject });
      this.dispatch();
    });
  }

  /** Stops every worker; jobs still waiting or running fail. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error("The export pool is closed"));
    await Promise.all(this.slots.splice(0).map((slot) => slot.worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length) {
      const slot = this.slots.find((s) => !s.job) ?? (this.slots.length < this.size ? this.spawn() : null);
      if (!slot) return;
      const job = this.queue.shift()!;
      slot.job = job;
      slot.worker.postMessage({ id: this.nextId++, doc: job.doc, format: job.format });
    }
  }

  private spawn(): Slot {
    const worker = new Worker(BOOTSTRAP, { eval: true });
    const slot: Slot = { worker, job: null };
    // Idle workers must not keep a process (a test run, a CLI) alive.
    worker.unref();
    worker.on("message", (reply: Reply) => {
      const job = slot.job;
      slot.job = null;
      if (job && reply.error === undefined && reply.body) {
        this.rendered++;
        job.resolve({
          body: Buffer.from(reply.body),
          contentType: reply.contentType ?? "application/octet-stream",
          contentDisposition: reply.contentDisposition ?? "attachment",
        });
      } else job?.reject(new Error(`export render failed: ${reply.error ?? "no output"}`));
      this.dispatch();
    });
    const fail = (error: Error) => {
      const index = this.slots.indexOf(slot);
      if (index === -1) return;
      this.slots.splice(index, 1);
      slot.job?.reject(error);
      slot.job = null;
      this.dispatch(); // a replacement worker takes the next job
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`export worker exited with code ${code}`)));
    this.slots.push(slot);
    return slot;
  }
}
