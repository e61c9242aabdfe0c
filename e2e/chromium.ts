import fs from "node:fs";

const CANDIDATES = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];

/** Debian's Chromium (browsers cannot be downloaded here); CHROMIUM_PATH overrides. */
export function findChromium(): string | undefined {
  return CANDIDATES.find((p): p is string => Boolean(p && fs.existsSync(p)));
}

export const CHROMIUM_MISSING =
  "Chromium was not found: install it with `sudo apt-get install -y chromium` (or set CHROMIUM_PATH to a Chromium binary).";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
