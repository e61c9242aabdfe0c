import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_MISSING, findChromium } from "./e2e/chromium";

const chromium = findChromium();
if (!chromium) throw new Error(CHROMIUM_MISSING);

const port = Number(process.env.E2E_PORT ?? 3901);
const baseURL = `http://localhost:${port}`;
// A fresh SQLite database per run; the server migrates and seeds it on start.
// Kept in the environment so the test workers (which load this file again) use the same file.
process.env.E2E_DATABASE ??= path.join(os.tmpdir(), `briefing-e2e-${Date.now()}-${process.pid}`, "e2e.db");
const database = process.env.E2E_DATABASE;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: { executablePath: chromium, args: CHROMIUM_ARGS },
  },
  // accounts.spec.ts signs up the installation's first account (administrator), so it runs before
  // every other spec on the shared e2e database.
  projects: [
    { name: "first-account", testMatch: /accounts\.spec\.ts/, use: { browserName: "chromium" } },
    {
      name: "chromium",
      testIgnore: /accounts\.spec\.ts/,
      dependencies: ["first-account"],
      use: { browserName: "chromium" },
    },
  ],
  webServer: {
    // `npm start`'s entry: builds when the sources changed, then serves the production app.
    command: "node --import tsx scripts/start.ts",
    url: `${baseURL}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    // Every spec signs up and in from 127.0.0.1 (a sign-up is two requests: sign-up, then sign-in),
    // dozens a minute: more than the per-address limit real clients get (tested in lib/auth).
    env: {
      PORT: String(port),
      DATABASE_URL: `file:${database}`,
      NEXT_TELEMETRY_DISABLED: "1",
      SIGN_IN_RATE_LIMIT: "300",
      // webhooks.spec.ts delivers to a receiver on 127.0.0.1 (refused in production otherwise).
      WEBHOOKS_ALLOW_LOCAL: "1",
    },
  },
});
