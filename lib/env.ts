import path from "node:path";
import { z } from "zod";

/** Where the embedded SQLite database lives when DATABASE_URL is not set. */
export const DEFAULT_SQLITE_FILE = path.join(process.cwd(), "data", "app.db");

const databaseUrl = z
  .string()
  .trim()
  .optional()
  .transform((value, ctx) => {
    if (!value) return { provider: "sqlite" as const, url: `file:${DEFAULT_SQLITE_FILE}` };
    if (/^postgres(ql)?:\/\//.test(value)) {
      try {
        new URL(value);
      } catch {
        ctx.addIssue({ code: "custom", message: "is not a valid URL" });
        return z.NEVER;
      }
      return { provider: "postgresql" as const, url: value };
    }
    if (value.startsWith("file:") && value.length > 5) return { provider: "sqlite" as const, url: value };
    ctx.addIssue({
      code: "custom",
      message: 'must be a PostgreSQL URL ("postgresql://user@host:5432/db") or a SQLite file ("file:./data/app.db")',
    });
    return z.NEVER;
  });

const envSchema = z.object({
  DATABASE_URL: databaseUrl,
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
});

export type Env = z.infer<typeof envSchema>;

/** Thrown for a bad environment; its message names every offending variable. */
export class EnvError extends Error {}

/** Parses the environment once; throws EnvError with one line per bad variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new EnvError(`Invalid environment:\n${lines.join("\n")}`);
}

let cached: Env | undefined;

/** The validated environment of this process. */
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}
