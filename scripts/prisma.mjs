// Runs the Prisma 6 CLI offline for both providers from one source schema.
//   node scripts/prisma.mjs generate          derive the PostgreSQL schema, generate both clients
//   node scripts/prisma.mjs derive            only derive prisma/postgres/schema.prisma
//   node scripts/prisma.mjs migration NAME    write a new migration for both providers
//   node scripts/prisma.mjs full-sql PROVIDER print the SQL that creates the current model from empty
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const SOURCE = path.join(root, "prisma/schema.prisma");
const PG_SCHEMA = path.join(root, "prisma/postgres/schema.prisma");
const MIGRATIONS = { sqlite: "prisma/migrations/sqlite", postgresql: "prisma/migrations/postgres" };

// Dummy engine paths stop Prisma from downloading native engines; the js/wasm engines need none.
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: "/bin/true",
  PRISMA_QUERY_ENGINE_LIBRARY: "/bin/true",
  CHECKPOINT_DISABLE: "1",
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  PRISMA_GENERATE_SKIP_AUTOINSTALL: "1",
};

function prisma(args, opts = {}) {
  return execFileSync(process.execPath, [path.join(root, "node_modules/prisma/build/index.js"), ...args], {
    cwd: root,
    env: { ...env, PRISMA_PROVIDER: opts.provider ?? "sqlite" },
    encoding: "utf8",
    stdio: opts.capture ? ["ignore", "pipe", "inherit"] : "inherit",
  });
}

function derive() {
  const src = fs.readFileSync(SOURCE, "utf8");
  const out = src
    .replace(
      /^\/\/ Source of truth[\s\S]*?\n\n/,
      "// GENERATED from prisma/schema.prisma by `npm run db:schema`. Do not edit.\n\n",
    )
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace(/url\s*=\s*"file:[^"]*"/, 'url      = env("DATABASE_URL")')
    .replace('output       = "../lib/db/generated/sqlite"', 'output       = "../../lib/db/generated/postgres"');
  if (out === src || !out.includes("generated/postgres"))
    throw new Error("derive: source schema has an unexpected shape");
  fs.mkdirSync(path.dirname(PG_SCHEMA), { recursive: true });
  fs.writeFileSync(PG_SCHEMA, out);
}

function schemaFor(provider) {
  return provider === "sqlite" ? SOURCE : PG_SCHEMA;
}

function fullSql(provider) {
  return prisma(["migrate", "diff", "--from-empty", "--to-schema-datamodel", schemaFor(provider), "--script"], {
    capture: true,
    provider,
  });
}

/** Writes a migration per provider: the difference between the model the previous migrations
 * describe (kept as a snapshot of the schema next to each migration) and the current one. */
function migration(name) {
  if (!/^[a-z0-9_]+$/.test(name ?? "")) throw new Error("migration NAME: lower-case letters, digits and _ only");
  derive();
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  for (const provider of ["sqlite", "postgresql"]) {
    const dir = path.join(root, MIGRATIONS[provider]);
    fs.mkdirSync(dir, { recursive: true });
    const snapshot = path.join(dir, "schema.snapshot.prisma");
    const from = fs.existsSync(snapshot) ? ["--from-schema-datamodel", snapshot] : ["--from-empty"];
    const sql = prisma(["migrate", "diff", ...from, "--to-schema-datamodel", schemaFor(provider), "--script"], {
      capture: true,
      provider,
    });
    if (!/\b(CREATE|ALTER|DROP)\b/.test(sql)) {
      console.log(`${provider}: no changes`);
      continue;
    }
    const target = path.join(dir, `${stamp}_${name}`);
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, "migration.sql"), sql);
    fs.copyFileSync(schemaFor(provider), snapshot);
    console.log(`${provider}: wrote ${path.relative(root, target)}/migration.sql`);
  }
}

const [cmd, arg] = process.argv.slice(2);
if (cmd === "derive") derive();
else if (cmd === "generate") {
  derive();
  prisma(["generate", "--schema", SOURCE]);
  prisma(["generate", "--schema", PG_SCHEMA], { provider: "postgresql" });
} else if (cmd === "migration") migration(arg);
else if (cmd === "full-sql") process.stdout.write(fullSql(arg === "postgresql" ? "postgresql" : "sqlite"));
else {
  console.error("usage: node scripts/prisma.mjs generate | derive | migration NAME | full-sql sqlite|postgresql");
  process.exit(2);
}
