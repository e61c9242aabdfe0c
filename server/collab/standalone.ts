import http from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import { ThreadedBriefingStore } from "@/lib/briefings/doc/threaded-store";
import { createDb } from "@/lib/db";
import { migrate } from "@/lib/db/migrate";
import { EnvError, parseEnv } from "@/lib/env";
import { mentionNotifier } from "@/lib/notifications/document-mentions";
import { httpServerOptions } from "../http-timeouts";
import { localFanout } from "./fanout";
import { metricsHooks } from "./metrics-hooks";
import { createCollabServer } from "./server";
import { createTokenAuthorizer } from "./token-authorizer";

const grant = z.object({
  userId: z.string(),
  name: z.string(),
  readOnly: z.boolean(),
  briefingIds: z.array(z.string()).optional(),
});

const tuning = z
  .object({
    batchMs: z.number().int().min(0),
    compactEvery: z.number().int().min(1),
    idleUnloadMs: z.number().int().min(0),
    heartbeatMs: z.number().int().min(10),
    orphanAfterMs: z.number().int().min(0),
    retryMaxMs: z.number().int().min(1),
  })
  .partial();

const json = <T extends z.ZodType>(schema: T) =>
  z.string().transform((text, ctx) => {
    try {
      return schema.parse(JSON.parse(text)) as z.infer<T>;
    } catch {
      ctx.addIssue({ code: "custom", message: "must be valid JSON of the expected shape" });
      return z.NEVER;
    }
  });

const standaloneEnv = z.object({
  COLLAB_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  COLLAB_HOST: z.string().default("127.0.0.1"),
  COLLAB_TOKENS: json(z.record(z.string(), grant)),
  COLLAB_OPTIONS: json(tuning).default({}),
});

/**
 * Serves only the collaboration server, with the same modules as the app, on COLLAB_PORT over
 * DATABASE_URL (linked to other instances through REDIS_URL when set), authorizing with the
 * static COLLAB_TOKENS table. Used by the crash test and the
 * benchmark (both need a server they can kill or measure apart from the clients). Prints one JSON
 * line `{"ready":true,"port":N}` once listening; SIGTERM/SIGINT shut it down gracefully. `GET /metrics`
 * reports its memory, rooms, connections and
 * connection counters (for the load benchmark).
 */
async function main(): Promise<void> {
  const { DATABASE_URL, REDIS_URL, ...env } = parseEnv();
  const parsed = standaloneEnv.safeParse(process.env);
  if (!parsed.success)
    throw new EnvError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n"));
  const config = parsed.data;
  await migrate(DATABASE_URL.url);
  const store = new ThreadedBriefingStore(DATABASE_URL.url, mentionNotifier(createDb(DATABASE_URL.url)));
  await store.start();
  const { batchMs, compactEvery, retryMaxMs, ...serverTuning } = config.COLLAB_OPTIONS;
  // ioredis (about 13 MB of RSS) is loaded only when instances are linked.
  const fanout = REDIS_URL ? await (await import("./redis-fanout")).connectFanout(REDIS_URL) : localFanout;
  const metrics = metricsHooks();
  const collab = createCollabServer({
    store,
    fanout,
    authorize: createTokenAuthorizer(config.COLLAB_TOKENS),
    persistence: { batchMs, compactEvery, retryMaxMs },
    hooks: [metrics],
    connectionLimits: {
      perUser: env.COLLAB_MAX_CONNECTIONS_PER_USER,
      perUserPerBriefing: env.COLLAB_MAX_CONNECTIONS_PER_USER_BRIEFING,
      perShareLink: env.COLLAB_MAX_CONNECTIONS_PER_SHARE_LINK,
    },
    ...serverTuning,
  });
  const server = http.createServer(httpServerOptions(), (req, res) => {
    if (req.url !== "/metrics") return void res.writeHead(404).end();
    // For the load benchmark: memory after a full collection (when started with --expose-gc).
    (globalThis as { gc?: () => void }).gc?.();
    const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage();
    const body = {
      rss,
      heapUsed,
      external,
      arrayBuffers,
      rooms: collab.rooms.size,
      connections: collab.connections.size,
      ...metrics.snapshot(),
    };
    res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(body));
  });
  server.on("upgrade", (req, socket, head) => {
    if (!collab.handleUpgrade(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(config.COLLAB_PORT, config.COLLAB_HOST, resolve));
  process.stdout.write(`${JSON.stringify({ ready: true, port: (server.address() as AddressInfo).port })}\n`);

  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await collab.close();
    await fanout.close();
    server.closeAllConnections();
    server.close();
    await store.close();
    process.exit(0);
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof EnvError ? error.message : error);
  process.exit(1);
});
