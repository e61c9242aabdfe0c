import http from "node:http";
import next from "next";
import { authorizeCollab } from "@/lib/auth/collab";
import { ThreadedBriefingStore } from "@/lib/briefings/doc/threaded-store";
import { seedCatalogIfEmpty } from "@/lib/catalog/seed";
import { startClearanceDeadlines } from "@/lib/clearance/notify";
import { getDb } from "@/lib/db";
import { migrate } from "@/lib/db/migrate";
import { EnvError, env } from "@/lib/env";
import { registerHealthCheck, unregisterHealthCheck } from "@/lib/health";
import { startNotificationDigests } from "@/lib/notifications/digest";
import { mentionNotifier } from "@/lib/notifications/document-mentions";
import { AutoVersioner, DEFAULT_AUTO_VERSION_MS } from "@/lib/versions/auto";
import { startWebhookDelivery } from "@/lib/webhooks/worker";
import { connectFanout, RedisFanout } from "./collab/redis-fanout";
import { createCollabServer } from "./collab/server";
import type { CollabAuthorizer } from "./collab/types";
import { versionHooks } from "./collab/version-hooks";
import { webhookHooks } from "./collab/webhook-hooks";
import { distrustForwardedHeaders } from "./forwarded-headers";
import { httpServerOptions } from "./http-timeouts";

export type RunningServer = { url: string; close: () => Promise<void> };

export type StartServerOptions = {
  dev?: boolean;
  port?: number;
  /** Who may open which briefing over the collaboration websocket (lib/auth plugs in here). */
  authorizeCollab?: CollabAuthorizer;
};

/**
 * Starts the app: migrates the database, seeds the catalog when it is empty, then serves Next and
 * the collaboration websocket (`/collab/<briefingId>`) on one HTTP server and port.
 */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const config = env();
  const applied = await migrate(config.DATABASE_URL.url);
  if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
  const seeded = await seedCatalogIfEmpty(getDb());
  if (seeded) console.log(`Seeded the catalog with ${seeded.frameworks.created} frameworks.`);

  const port = options.port ?? config.PORT;
  const app = next({ dev: options.dev ?? false, dir: process.cwd(), hostname: "localhost", port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const timeouts = httpServerOptions({
    headersTimeoutMs: config.HTTP_HEADERS_TIMEOUT_MS,
    requestTimeoutMs: config.HTTP_REQUEST_TIMEOUT_MS,
    keepAliveTimeoutMs: config.HTTP_KEEP_ALIVE_TIMEOUT_MS,
  });
  const server = http.createServer(timeouts, (req, res) => {
    distrustForwardedHeaders(req, config.TRUST_PROXY);
    handle(req, res).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500).end("Internal Server Error");
    });
  });
  const briefingStore = new ThreadedBriefingStore(config.DATABASE_URL.url, mentionNotifier(getDb()));
  await briefingStore.start();
  // With Redis, every instance serves every briefing: rooms relay their changes through it.
  const fanout = await connectFanout(config.REDIS_URL);
  if (fanout instanceof RedisFanout) registerHealthCheck("redis", () => fanout.connected);
  const collab = createCollabServer({
    store: briefingStore,
    fanout,
    // Session cookie + the one permission module, as for pages and actions.
    authorize: options.authorizeCollab ?? ((req, briefingId) => authorizeCollab(getDb(), req, briefingId)),
    connectionLimits: {
      perUser: config.COLLAB_MAX_CONNECTIONS_PER_USER,
      perUserPerBriefing: config.COLLAB_MAX_CONNECTIONS_PER_USER_BRIEFING,
      perShareLink: config.COLLAB_MAX_CONNECTIONS_PER_SHARE_LINK,
    },
    // Automatic versions while a briefing is edited and when its last editor leaves (lib/versions).
    hooks: [webhookHooks, versionHooks(new AutoVersioner({ db: getDb(), intervalMs: DEFAULT_AUTO_VERSION_MS }))],
  });
  server.on("upgrade", (req, socket, head) => {
    distrustForwardedHeaders(req, config.TRUST_PROXY);
    if (collab.handleUpgrade(req, socket, head)) return;
    // Next's own dev websocket (HMR) is handled by Next; anything else is refused.
    if (options.dev && req.url?.startsWith("/_next/")) return;
    socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, config.HOST, resolve);
  });
  // Webhook deliveries wait in the database; every instance runs the loop and claims its share.
  const stopWebhooks = startWebhookDelivery(getDb());
  // Batched e-mail digests of unread notifications (only when SMTP_URL is set).
  const stopDigests = startNotificationDigests(getDb());
  // Clearance deadlines: the requester and current clearers are told once a deadline passes.
  const stopDeadlines = startClearanceDeadlines(getDb());
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  return {
    url: `http://localhost:${actualPort}`,
    close: async () => {
      stopDigests();
      stopDeadlines();
      // Collaboration first: close its sockets (1001) and persist every loaded briefing.
      await collab.close();
      await stopWebhooks();
      unregisterHealthCheck("redis");
      await fanout.close();
      await briefingStore.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await app.close();
      await getDb().$disconnect();
    },
  };
}

/** Entry point: start, then close cleanly on SIGTERM/SIGINT. */
export async function main(): Promise<void> {
  try {
    env();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const running = await startServer({ dev: process.argv.includes("--dev") });
  console.log(`Ready on ${running.url}`);
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${signal}: shutting down`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
