import http from "node:http";
import type { AddressInfo } from "node:net";

/** A route: a path pattern with `:name` segments, and the route handler's GET. */
export type TestRoute = {
  pattern: string;
  // Method syntax: handlers declare their own params type ({ id: string }), checked bivariantly.
  GET(request: Request, context: { params: Promise<Record<string, string>> }): Promise<Response>;
};

function match(pattern: string, pathname: string): Record<string, string> | null {
  const want = pattern.split("/");
  const got = pathname.split("/");
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (const [i, part] of want.entries()) {
    if (part.startsWith(":")) params[part.slice(1)] = decodeURIComponent(got[i]!);
    else if (part !== got[i]) return null;
  }
  return params;
}

/**
 * A real HTTP server on a random loopback port that serves GET route handlers in this process,
 * as Next does in the app's one process: for tests where what matters is the event loop they
 * share (a slow handler must not hold up the others), without building the app.
 * `X-Forwarded-For` is passed through, so a test can speak for several client addresses.
 */
export async function startRouteServer(routes: TestRoute[]): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    for (const route of routes) {
      const params = match(route.pattern, url.pathname);
      if (!params) continue;
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
      const response = await route.GET(new Request(url, { headers }), { params: Promise.resolve(params) });
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
