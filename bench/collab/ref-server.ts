import http from "node:http";
import type { AddressInfo } from "node:net";
import { setupWSConnection } from "@y/websocket-server/utils";
import { WebSocketServer } from "ws";

// The reference for bench:collab: the stock y-websocket server (@y/websocket-server 0.1.1), in
// memory, no auth, no persistence. Same readiness line as server/collab/standalone.ts.
const wss = new WebSocketServer({ noServer: true });
const server = http.createServer((_req, res) => res.writeHead(404).end());
server.on("upgrade", (req, socket, head) => {
  wss.handleUpgrade(req, socket, head, (ws) => setupWSConnection(ws, req));
});
server.listen(Number(process.env.COLLAB_PORT ?? 0), "127.0.0.1", () => {
  process.stdout.write(`${JSON.stringify({ ready: true, port: (server.address() as AddressInfo).port })}\n`);
});
process.on("SIGTERM", () => process.exit(0));
