import http from "node:http";
import https from "node:https";
import { refusedUrl, safeLookup, type UrlPolicy } from "./url-policy";

/** How long one delivery may take, connection to the last byte read. */
export const DELIVERY_TIMEOUT_MS = 10_000;
/** How much of a response body is kept (characters), to show next to the delivery. */
export const RESPONSE_EXCERPT_CHARS = 500;

export type SendResult = {
  ok: boolean;
  status: number | null;
  /** The start of the response body, or null. */
  excerpt: string | null;
  /** Why the attempt failed without a 2xx response (refused, timed out, connection error, HTTP status). */
  error: string | null;
  durationMs: number;
};

/**
 * POSTs one signed body to a webhook URL and reports what happened; never throws. Only a 2xx
 * response counts; redirects are not followed (a 3xx is a failure). The host is resolved and
 * checked against the policy at connect time (see `safeLookup`; an IP literal is checked by
 * `refusedUrl`, since Node connects to it without a lookup), the whole exchange is cut off at
 * `timeoutMs`, and at most RESPONSE_EXCERPT_CHARS of the response are read.
 */
export function sendWebhook(
  rawUrl: string,
  headers: Record<string, string>,
  body: string,
  { policy, timeoutMs = DELIVERY_TIMEOUT_MS }: { policy: UrlPolicy; timeoutMs?: number },
): Promise<SendResult> {
  const started = Date.now();
  const result = (fields: Omit<SendResult, "durationMs">): SendResult => ({
    ...fields,
    durationMs: Date.now() - started,
  });
  const refused = refusedUrl(rawUrl, policy);
  if (refused) return Promise.resolve(result({ ok: false, status: null, excerpt: null, error: refused }));
  const url = new URL(rawUrl);
  return new Promise((resolve) => {
    let settled = false;
    const finish = (value: SendResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      resolve(value);
    };
    const client = url.protocol === "https:" ? https : http;
    const request = client.request(
      url,
      {
        method: "POST",
        agent: false,
        lookup: safeLookup(policy) as unknown as http.RequestOptions["lookup"],
        headers: { ...headers, "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) },
      },
      (response) => {
        const status = response.statusCode ?? 0;
        let text = "";
        response.setEncoding("utf8");
        const done = () => {
          const ok = status >= 200 && status < 300;
          const excerpt = text.slice(0, RESPONSE_EXCERPT_CHARS) || null;
          finish(result({ ok, status, excerpt, error: ok ? null : `The receiver answered HTTP ${status}.` }));
        };
        response.on("data", (chunk: string) => {
          text += chunk;
          if (text.length >= RESPONSE_EXCERPT_CHARS) done();
        });
        response.on("end", done);
        response.on("error", done);
      },
    );
    const timer = setTimeout(() => {
      const seconds = Math.round(timeoutMs / 100) / 10;
      finish(result({ ok: false, status: null, excerpt: null, error: `No answer within ${seconds} s.` }));
    }, timeoutMs);
    request.on("error", (error) => {
      finish(result({ ok: false, status: null, excerpt: null, error: error.message.slice(0, 300) }));
    });
    request.end(body);
  });
}
