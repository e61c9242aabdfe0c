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

const flag = z
  .enum(["1", "0", "true", "false", ""])
  .optional()
  .transform((v) => v === "1" || v === "true");

const timeoutMs = z.coerce.number().int().min(1_000).max(3_600_000).optional();

/** A cap on concurrent collaboration connections (server/collab/connection-limits.ts). */
const connectionCap = (fallback: number) => z.coerce.number().int().min(1).max(100_000).default(fallback);

const envSchema = z
  .object({
    DATABASE_URL: databaseUrl,
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().default("0.0.0.0"),
    NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
    /** Public URL of the app (used in invitation links and for secure cookies when https). */
    APP_URL: z.url("must be a URL such as https://briefings.example.org").optional(),
    /** Secret that signs session cookies; the same on every instance. Generated into ./data when unset (SQLite only). */
    BETTER_AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    /** Trust X-Forwarded-For from a reverse proxy for client addresses (rate limiting). */
    TRUST_PROXY: flag,
    /** Sign-in attempts allowed per client address per minute. */
    SIGN_IN_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000).default(10),
    /** Exports through a share link allowed per link and per client address per minute. */
    SHARE_EXPORT_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000).default(10),
    /** Threads rendering exports at once; unset = CPU cores - 1 (at least 1). */
    EXPORT_WORKERS: z.coerce.number().int().min(1).max(64).optional(),
    /** Rendered exports kept in memory, in MB (0 turns the cache off). */
    EXPORT_CACHE_MB: z.coerce.number().int().min(0).max(4096).default(64),
    /** Optional mail server for invitations, e.g. smtp://user:pass@mail.example.org:587 */
    SMTP_URL: z.url().optional(),
    MAIL_FROM: z.string().default("Briefing editor <no-reply@localhost>"),
    /** Redis linking several instances (redis://host:6379); unset = this is the only instance. */
    REDIS_URL: z
      .string()
      .trim()
      .regex(/^rediss?:\/\/\S+$/, 'must be a Redis URL such as "redis://127.0.0.1:6379"')
      .optional()
      .or(z.literal("").transform(() => undefined)),
    /** HTTP timeouts (ms); unset means the defaults of server/http-timeouts.ts. */
    HTTP_HEADERS_TIMEOUT_MS: timeoutMs,
    HTTP_REQUEST_TIMEOUT_MS: timeoutMs,
    HTTP_KEEP_ALIVE_TIMEOUT_MS: timeoutMs,
    /**
     * Lets webhooks call http://localhost-style URLs and addresses in private ranges even in
     * production (lib/webhooks/url-policy.ts); outside production they are allowed anyway.
     */
    WEBHOOKS_ALLOW_LOCAL: flag,
    /** Concurrent collaboration connections per signed-in user (all briefings), per instance. */
    COLLAB_MAX_CONNECTIONS_PER_USER: connectionCap(50),
    /** Concurrent collaboration connections per signed-in user on one briefing, per instance. */
    COLLAB_MAX_CONNECTIONS_PER_USER_BRIEFING: connectionCap(20),
    /** Concurrent collaboration connections of one share link's viewers together, per instance. */
    COLLAB_MAX_CONNECTIONS_PER_SHARE_LINK: connectionCap(50),
  })
  .refine((e) => e.DATABASE_URL.provider === "sqlite" || e.BETTER_AUTH_SECRET, {
    message: "is required with PostgreSQL (every instance must share it): generate one with `openssl rand -hex 32`",
    path: ["BETTER_AUTH_SECRET"],
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
