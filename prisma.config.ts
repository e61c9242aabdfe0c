// Configuration for the Prisma CLI only (generate, migrate diff). The app never reads it: lib/db
// builds its clients itself. PRISMA_PROVIDER picks which of the two schemas the CLI works on.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

const postgres = process.env.PRISMA_PROVIDER === "postgresql";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: postgres ? "prisma/postgres/schema.prisma" : "prisma/schema.prisma",
  adapter: async () =>
    postgres
      ? new PrismaPg({
          connectionString: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test",
          // Let the CLI exit as soon as it is done instead of holding idle connections open.
          idleTimeoutMillis: 100,
        })
      : new PrismaBetterSQLite3({ url: ":memory:" }),
});
