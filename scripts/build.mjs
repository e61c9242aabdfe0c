// `npm run build` builds the Next app. buildIfStale() (used by `npm start`) builds only when the
// sources changed since the last build, judged by a hash of every file the build reads.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const INPUTS = ["app", "components", "lib", "public", "next.config.js", "package-lock.json", "tsconfig.json"];
const STAMP = path.join(root, ".next", "source-hash");

function walk(target, files) {
  if (!fs.existsSync(target)) return;
  if (fs.statSync(target).isDirectory()) {
    for (const name of fs.readdirSync(target).sort()) walk(path.join(target, name), files);
  } else files.push(target);
}

export function sourceHash() {
  const files = [];
  for (const input of INPUTS) walk(path.join(root, input), files);
  const hash = createHash("sha256");
  for (const file of files) hash.update(path.relative(root, file)).update(fs.readFileSync(file));
  return hash.digest("hex");
}

export function build() {
  const hash = sourceHash();
  console.log("Building the app (next build)...");
  execFileSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  fs.writeFileSync(STAMP, hash);
}

export function buildIfStale() {
  const built = fs.existsSync(path.join(root, ".next", "BUILD_ID")) && fs.existsSync(STAMP);
  if (built && fs.readFileSync(STAMP, "utf8") === sourceHash()) return false;
  build();
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) build();
