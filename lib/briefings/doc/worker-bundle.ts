import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { buildSync } from "esbuild";

// The store worker is TypeScript. Registering tsx inside the worker (the only way on Node 20:
// workers do not inherit the parent's loader) costs a loader thread with its own V8 isolate for
// the life of the worker. Bundling the worker's own modules with esbuild (tsx's compiler, always
// installed with it) once per process takes ~0.1 s and lets the worker start as plain JavaScript.

const ROOT = path.resolve(import.meta.dirname, "../../..");
/** Inside the project so the bundle's imports of packages resolve to its node_modules. */
const OUT_DIR = path.join(ROOT, "node_modules", ".cache", "briefing-store-worker");

/** Bundles of older code are deleted once this old (a process that has loaded one keeps running). */
const STALE_MS = 24 * 60 * 60 * 1000;

const bundles = new Map<string, URL>();

/**
 * A plain-JavaScript ES module of `entry` and the project modules it imports (packages stay
 * imports), with an inline source map so stack traces name the TypeScript files. The file name
 * carries a hash of its content: processes started from other versions of the code never share
 * one, and a file is written once (to a temporary name, then renamed) so no process reads it
 * half-written. Starting from a bundle marks it used; other bundles of the entry unused for a day
 * are deleted when a new one is written.
 */
export function bundledWorker(entry: URL): URL {
  const cached = bundles.get(entry.href);
  if (cached && fs.existsSync(cached)) return cached;
  const [output] = buildSync({
    entryPoints: [fileURLToPath(entry)],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    tsconfig: path.join(ROOT, "tsconfig.json"),
    sourcemap: "inline",
    sourcesContent: false,
    write: false,
    logLevel: "silent",
  }).outputFiles;
  const hash = createHash("sha256").update(output!.contents).digest("hex").slice(0, 16);
  const name = path.basename(fileURLToPath(entry), ".ts");
  const file = path.join(OUT_DIR, `${name}.${hash}.mjs`);
  if (fs.existsSync(file)) fs.utimesSync(file, new Date(), new Date());
  else {
    fs.mkdirSync(OUT_DIR, { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, output!.contents);
    fs.renameSync(temporary, file);
    deleteStale(name, file);
  }
  const url = pathToFileURL(file);
  bundles.set(entry.href, url);
  return url;
}

/** Deletes the bundles of `name` other than `keep` not used for STALE_MS (best effort). */
function deleteStale(name: string, keep: string): void {
  for (const other of fs.readdirSync(OUT_DIR)) {
    const file = path.join(OUT_DIR, other);
    if (file === keep || !other.startsWith(`${name}.`)) continue;
    try {
      if (Date.now() - fs.statSync(file).mtimeMs > STALE_MS) fs.rmSync(file);
    } catch {
      // Another process deleted it first.
    }
  }
}
