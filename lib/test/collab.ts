import http from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { LocalBriefingStore } from "@/lib/briefings/doc/store";
import { ThreadedBriefingStore } from "@/lib/briefings/doc/threaded-store";
import { type BriefingUpdateLog, briefingLog } from "@/lib/briefings/doc/update-log";
import { collabProviderOptions } from "@/lib/collab/provider-options";
import { SaveStatusTracker } from "@/lib/collab/save-status";
import { mentionNotifier } from "@/lib/notifications/document-mentions";
import { type CollabServer, type CollabServerOptions, createCollabServer } from "@/server/collab/server";
import { createTokenAuthorizer, type TokenGrant } from "@/server/collab/token-authorizer";
import { type HttpTimeouts, httpServerOptions } from "@/server/http-timeouts";
import type { TestDatabase } from "./databases";
import { appendParagraph } from "./ydoc";

/** Tokens every collaboration test server accepts. */
export const TEST_TOKENS: Record<string, TokenGrant> = {
  alice: { userId: "alice", name: "Alice", readOnly: false, readComments: true },
  bob: { userId: "bob", name: "Bob", readOnly: false, readComments: true },
  carol: { userId: "carol", name: "Carol", readOnly: false, readComments: true },
  viewer: { userId: "vera", name: "Vera Viewer", readOnly: true, readComments: true },
  /** A share link created without comments: reads the document, never hears of comments. */
  link: {
    userId: "share-link:link-1",
    name: "Link viewer",
    readOnly: true,
    shareLinkId: "link-1",
    readComments: false,
  },
};

export type TestCollabServer = {
  /** The base URL clients pass to WebsocketProvider: ws://127.0.0.1:<port>/collab */
  url: string;
  port: number;
  collab: CollabServer;
  /** Direct access to the stored log (a separate connection from the server's). */
  log: BriefingUpdateLog;
  close: () => Promise<void>;
};

/**
 * Starts the collaboration server on a random loopback port over a test database. `threaded`
 * runs the store on a worker thread as production does (about a second more to start). The HTTP
 * server has the production timeouts unless `http` overrides them.
 */
export async function startTestCollabServer(
  database: Pick<TestDatabase, "db" | "provider" | "url">,
  { http: timeouts, ...options }: Partial<CollabServerOptions> & { http?: Partial<HttpTimeouts> } = {},
  threaded = false,
): Promise<TestCollabServer> {
  const log = briefingLog(database.db);
  const store =
    options.store ??
    (threaded
      ? new ThreadedBriefingStore(database.url, mentionNotifier(database.db))
      : new LocalBriefingStore(log, mentionNotifier(database.db)));
  const collab = createCollabServer({
    store,
    authorize: createTokenAuthorizer(TEST_TOKENS),
    persistence: { batchMs: 5, onError: () => {} },
    onError: () => {},
    ...options,
  });
  const server = http.createServer(httpServerOptions(timeouts), (_req, res) => res.writeHead(404).end());
  server.on("upgrade", (req, socket, head) => {
    if (!collab.handleUpgrade(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}/collab`,
    port,
    collab,
    log,
    close: async () => {
      await collab.close();
      await store.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type TestClient = { doc: Y.Doc; provider: WebsocketProvider; status: SaveStatusTracker; destroy: () => void };

/** A stock y-websocket client (Node `ws`, no BroadcastChannel) with a save-status tracker. */
export function connectClient(url: string, briefingId: string, token: string, connect = true): TestClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(url, briefingId, doc, {
    ...collabProviderOptions(WebSocket as unknown as typeof globalThis.WebSocket),
    params: { token },
    disableBc: true, // or clients in one process would sync through it, bypassing the server
    connect,
    maxBackoffTime: 200,
  });
  const status = new SaveStatusTracker(provider);
  return {
    doc,
    provider,
    status,
    destroy: () => {
      status.destroy();
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Resolves once the client has synced with the server. */
export function synced(client: TestClient): Promise<void> {
  if (client.provider.synced) return Promise.resolve();
  return new Promise((resolve) => {
    const onSync = (state: boolean) => {
      if (!state) return;
      client.provider.off("sync", onSync);
      resolve();
    };
    client.provider.on("sync", onSync);
  });
}

/** Resolves when `client.status` reaches `status`. */
export function statusReached(client: TestClient, status: string): Promise<void> {
  if (client.status.status === status) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = client.status.subscribe((next) => {
      if (next !== status) return;
      stop();
      resolve();
    });
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns true (or throws after `timeoutMs`). */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 5_000, label = "condition") {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`Timed out waiting for ${label}`);
    await sleep(10);
  }
}

/** A client that types paragraphs and remembers how many of them it has seen reported saved. */
export function typist(client: TestClient, name: string) {
  const made: string[] = [];
  let saved = 0;
  client.status.subscribe((status) => {
    if (status === "saved") saved = made.length;
  });
  return {
    made,
    saved: () => made.slice(0, saved),
    type: (count: number) => {
      for (let i = 0; i < count; i++) {
        const text = `${name}-${made.length}`;
        made.push(text);
        appendParagraph(client.doc, text);
      }
    },
  };
}

export type Opened = { ws: WebSocket } | { status: number; body: string };

/** Opens a raw websocket: the socket once upgraded, or the HTTP status and body of the refusal. */
export function openRaw(server: Pick<TestCollabServer, "url">, briefingId: string, token: string): Promise<Opened> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${server.url}/${briefingId}?token=${token}`);
    ws.on("error", () => {});
    ws.once("open", () => resolve({ ws }));
    ws.once("unexpected-response", (request, response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        body += chunk;
      });
      response.on("end", () => {
        request.destroy();
        resolve({ status: response.statusCode ?? 0, body });
      });
    });
    ws.once("close", () => reject(new Error("closed before opening")));
  });
}
