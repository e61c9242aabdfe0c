import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import type { TokenGrant } from "@/server/collab/token-authorizer";

/** The repository root. */
export const ROOT = path.resolve(import.meta.dirname, "../..");
const ENTRY = path.join(ROOT, "server/collab/standalone.ts");
/** How long a server may take to start; COLLAB_START_TIMEOUT_MS raises it on a saturated machine. */
const START_TIMEOUT_MS = Number(process.env.COLLAB_START_TIMEOUT_MS ?? 20_000);

export type CollabProcess = {
  child: ChildProcess;
  port: number;
  /** ws://127.0.0.1:<port>/collab */
  url: string;
  /** Everything the process wrote to stderr (for failure messages). */
  stderr: () => string;
  /** Sends a signal and resolves when the process has exited. */
  stop: (signal?: NodeJS.Signals) => Promise<void>;
};

export type CollabProcessOptions = {
  databaseUrl: string;
  tokens: Record<string, TokenGrant>;
  tuning?: Record<string, number>;
  port?: number;
  /** Links the process to other instances through this Redis. */
  redisUrl?: string;
};

/**
 * Runs server/collab/standalone.ts in a child process (through tsx) and resolves once it listens.
 */
export function spawnCollabProcess(options: CollabProcessOptions): Promise<CollabProcess> {
  return spawnServerProcess(ENTRY, {
    DATABASE_URL: options.databaseUrl,
    COLLAB_PORT: String(options.port ?? 0),
    COLLAB_TOKENS: JSON.stringify(options.tokens),
    COLLAB_OPTIONS: JSON.stringify(options.tuning ?? {}),
    REDIS_URL: options.redisUrl ?? "",
    // The benchmarks connect hundreds of simulated editors with one token (one "user").
    COLLAB_MAX_CONNECTIONS_PER_USER: "100000",
    COLLAB_MAX_CONNECTIONS_PER_USER_BRIEFING: "100000",
    // Required with PostgreSQL; the standalone server authorizes with tokens, not sessions.
    BETTER_AUTH_SECRET: process.env.BETTER_AUTH_SECRET ?? "standalone-collab-server-unused-secret-0123456789",
  });
}

/**
 * Runs a TypeScript server entry in a child process (node --import tsx, no npx in between so the
 * pid is the server's) and resolves once it prints its `{"ready":true,"port":N}` line.
 */
export function spawnServerProcess(entry: string, env: Record<string, string>): Promise<CollabProcess> {
  // e.g. SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the server.
  const nodeArgs = (process.env.SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", entry], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async (signal: NodeJS.Signals = "SIGTERM") => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return new Promise((resolve, reject) => {
    let stdout = "";
    const timer = setTimeout(() => {
      void stop("SIGKILL");
      reject(new Error(`${entry} did not start:\n${stderr}`));
    }, START_TIMEOUT_MS);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited with ${code}:\n${stderr}`));
    });
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      const line = stdout.split("\n").find((l) => l.startsWith("{"));
      if (!line) return;
      clearTimeout(timer);
      const { port } = JSON.parse(line) as { port: number };
      resolve({ child, port, url: `ws://127.0.0.1:${port}/collab`, stderr: () => stderr, stop });
    });
  });
}
