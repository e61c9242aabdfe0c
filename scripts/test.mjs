// `npm test`: every check CI runs, in order, stopping at the first failure:
// services and browser preflight -> lint + format -> typecheck -> unit/integration (SQLite and
// PostgreSQL) -> e2e in Chromium against the built app.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);

function fail(message) {
  console.error(`\n✗ ${message}`);
  process.exit(1);
}

function reachable(host, port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 2000 });
    socket.once("connect", () => resolve(socket.end() && true));
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => resolve(socket.destroy() && false));
  });
}

async function preflight() {
  const chromium = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find(
    (p) => p && fs.existsSync(p),
  );
  if (!chromium)
    fail("Chromium was not found: install it with `sudo apt-get install -y chromium` (or set CHROMIUM_PATH).");
  // The fault tests run their own redis-server (so they can kill it); the shared one is not touched.
  if (spawnSync("redis-server", ["--version"]).status !== 0) {
    fail("redis-server was not found: install it with `sudo apt-get install -y redis-server`.");
  }
  if (!(await reachable("127.0.0.1", 5432))) {
    fail(
      "PostgreSQL is not reachable at 127.0.0.1:5432: start it with `pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`.",
    );
  }
}

function step(name, command, args) {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) fail(`${name} failed.`);
  console.log(`✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

await preflight();
step("lint and format (biome)", bin("biome"), ["check", "."]);
step("typecheck (tsc)", bin("tsc"), ["--noEmit"]);
step("unit and integration tests (vitest, SQLite + PostgreSQL)", bin("vitest"), ["run"]);
// Build first (only when the sources changed), so the e2e web server's start-up wait covers starting, not building.
step("build (next build when sources changed)", process.execPath, [
  "--input-type=module",
  "-e",
  'import { buildIfStale } from "./scripts/build.mjs"; buildIfStale();',
]);
step("end-to-end tests (Playwright, Chromium)", bin("playwright"), ["test"]);
console.log("\nAll checks passed.");
