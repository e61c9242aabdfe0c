import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Tests run lib/ in plain Node, outside Next's react-server layer (see tsconfig.json paths).
      "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    include: ["proxy.test.ts", "lib/**/*.test.ts", "server/**/*.test.ts", "app/**/*.test.ts", "scripts/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { NEXT_TELEMETRY_DISABLED: "1", BETTER_AUTH_SECRET: "test-secret-0123456789abcdef0123456789abcdef" },
  },
});
