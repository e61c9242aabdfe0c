import http from "node:http";
import type { AddressInfo } from "node:net";
import { verifyWebhookSignature } from "@/lib/webhooks/signature";

export type ReceivedWebhook = {
  event: string | undefined;
  deliveryId: string | undefined;
  signature: string | undefined;
  /** Whether the signature verified against the receiver's secret, as a real receiver checks it. */
  verified: boolean;
  body: string;
};

/**
 * A real HTTP server on a random port that receives webhooks the way a customer's would: it reads
 * the raw body and verifies the signature with the secret it was given. `mode` says how it answers:
 * 200 "thanks", 500, or never (to test the timeout).
 */
export async function startWebhookReceiver() {
  const received: ReceivedWebhook[] = [];
  const state = { mode: "ok" as "ok" | "error" | "hang", secret: "" };
  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      body += chunk;
    });
    req.on("end", () => {
      const signature = req.headers["x-webhook-signature"] as string | undefined;
      received.push({
        event: req.headers["x-webhook-event"] as string | undefined,
        deliveryId: req.headers["x-webhook-delivery"] as string | undefined,
        signature,
        verified: verifyWebhookSignature(state.secret, signature, body),
        body,
      });
      if (state.mode === "hang") {
        hanging.add(res);
        return;
      }
      if (state.mode === "error") res.writeHead(500).end("upstream broke");
      else res.writeHead(200, { "content-type": "text/plain" }).end("thanks");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    port,
    received,
    state,
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
