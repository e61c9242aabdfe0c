import fs from "node:fs";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { bundledWorker } from "./worker-bundle";

const THROWING_WORKER = new URL("../../test/throwing-store-worker.ts", import.meta.url);
const STORE_WORKER = new URL("./store-worker.ts", import.meta.url);

describe("the briefing store worker's bundle", () => {
  it("is plain JavaScript that starts in a worker without a TypeScript loader, written once per content", async () => {
    const url = bundledWorker(THROWING_WORKER);
    expect(url.pathname).toMatch(
      /node_modules\/\.cache\/briefing-store-worker\/throwing-store-worker\.[0-9a-f]{16}\.mjs$/,
    );
    expect(bundledWorker(THROWING_WORKER).href).toBe(url.href);
    const code = fs.readFileSync(url, "utf8");
    expect(code).not.toMatch(/from "@\//); // project modules are inside, not imported
    // No execArgv: the worker gets no loader from the test runner either.
    const worker = new Worker(url, { execArgv: [] });
    try {
      const reply = await new Promise((resolve, reject) => {
        worker.once("message", resolve);
        worker.once("error", reject);
        worker.postMessage({ id: 1, method: "ping", args: [] });
      });
      expect(reply).toEqual({ id: 1, result: true });
    } finally {
      await worker.terminate();
    }
  });

  it("of the real store worker loads no Prisma and no editor schema: only Yjs and the database drivers", () => {
    const code = fs.readFileSync(bundledWorker(STORE_WORKER), "utf8");
    const packages = [...code.matchAll(/^import .* from "([^"]+)";$/gm)].map((match) => match[1]);
    // Prisma's runtime, query compiler and WebAssembly memory cost the thread ~45 MB of RSS.
    expect(new Set(packages)).toEqual(new Set(["better-sqlite3", "pg", "yjs", "node:worker_threads"]));
    expect(code).not.toContain("generated/sqlite");
  });
});
