import { Worker } from "node:worker_threads";
import type { BriefingStore, MentionNotifier, OpenedBriefing } from "./store";
import type { CompactionResult } from "./update-log";
import { bundledWorker } from "./worker-bundle";
import { fromWireError, type MentionsNotice, type StoreReply } from "./worker-protocol";

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

const WORKER_ENTRY = new URL("./store-worker.ts", import.meta.url);

// The worker is TypeScript, and on Node 20 worker threads do not inherit tsx's loader (not even
// with --import tsx in execArgv). It runs as a bundle (worker-bundle.ts); should bundling fail
// (say, a read-only node_modules), tsx is registered inside the worker instead, at the cost of a
// loader thread.
const tsxBootstrap = (entry: URL) =>
  `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); })`;

/**
 * The parent's Node options (so SERVER_NODE_ARGS="--cpu-prof ..." profiles the worker too) without
 * module loaders, which the bundle does not need, plus source maps for the bundle's stacks.
 */
function workerExecArgv(): string[] {
  const args: string[] = [];
  const loader = /^(-r|--require|--import|--loader|--experimental-loader)(=|$)/;
  for (let i = 0; i < process.execArgv.length; i++) {
    const arg = process.execArgv[i]!;
    const match = loader.exec(arg);
    if (!match) args.push(arg);
    else if (!match[2]) i++; // its value is the next argument
  }
  return [...args, "--enable-source-maps"];
}

function startWorker(entry: URL, workerData: unknown): Worker {
  try {
    return new Worker(bundledWorker(entry), { workerData, execArgv: workerExecArgv() });
  } catch (error) {
    console.warn("[briefing store] could not bundle the worker, running it through tsx:", error);
    return new Worker(tsxBootstrap(entry), { eval: true, workerData });
  }
}

/**
 * A BriefingStore whose database work runs on a worker thread with its own connection (and no
 * Prisma, see log-statements.ts): the event loop that relays keystrokes never waits on SQLite
 * (synchronous, fsync on commit), compaction or derived-content rendering. The @mentions found by
 * content writes come back to this thread, where `notify` delivers them. A worker that dies fails
 * the calls in flight (the persistence retries them) and is replaced on the next call; the new
 * worker rebuilds its copies of open documents from the database.
 */
export class ThreadedBriefingStore implements BriefingStore {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private closed = false;

  /**
   * `notify`: delivers mention notifications (mentionNotifier(db)). `workerEntry`: another module
   * speaking store-worker.ts's protocol (tests of the thread boundary).
   */
  constructor(
    private readonly databaseUrl: string,
    private readonly notify: MentionNotifier,
    private readonly workerEntry: URL = WORKER_ENTRY,
  ) {}

  /** Starts the worker and waits until it answers (otherwise the first call starts it). */
  async start(): Promise<void> {
    await this.call("ping", []);
  }

  open(briefingId: string): Promise<OpenedBriefing | null> {
    return this.call("open", [briefingId]) as Promise<OpenedBriefing | null>;
  }

  append(briefingId: string, update: Uint8Array): Promise<Uint8Array> {
    return this.call("append", [briefingId, update]) as Promise<Uint8Array>;
  }

  compact(briefingId: string): Promise<CompactionResult> {
    return this.call("compact", [briefingId]) as Promise<CompactionResult>;
  }

  async writeContent(briefingId: string): Promise<void> {
    await this.call("writeContent", [briefingId]);
  }

  rederiveStale(): Promise<number> {
    return this.call("rederiveStale", []) as Promise<number>;
  }

  async release(briefingId: string): Promise<void> {
    await this.call("release", [briefingId]);
  }

  /**
   * Stops the worker abruptly, failing the calls in flight; the next call starts a new one.
   * For tests of that recovery path, and for an operator's last resort.
   */
  async terminateWorker(): Promise<void> {
    await this.worker?.terminate();
  }

  /** Lets the worker release its documents and connection, then stops it. */
  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    if (!worker) return;
    const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
    worker.postMessage("close");
    const timeout = setTimeout(() => void worker.terminate(), 5_000);
    await exited;
    clearTimeout(timeout);
  }

  private call(method: string, args: unknown[]): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error("The briefing store is closed"));
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, method, args });
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker(this.workerEntry, { databaseUrl: this.databaseUrl });
    worker.on("message", (reply: StoreReply | MentionsNotice) => {
      if ("mentions" in reply) {
        this.notify(reply.mentions).catch((error: unknown) => console.error("[briefing store] mentions:", error));
        return;
      }
      const call = this.pending.get(reply.id);
      if (!call) return;
      this.pending.delete(reply.id);
      if (reply.error !== undefined) call.reject(fromWireError(reply.error));
      else call.resolve(reply.result);
    });
    const fail = (error: Error) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      for (const call of this.pending.values()) call.reject(error);
      this.pending.clear();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`briefing store worker exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }
}
