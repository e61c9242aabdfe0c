import net from "node:net";

export type TcpProxy = {
  port: number;
  /** Backends that are refused from now on (their open connections are cut). */
  setDown: (down: boolean) => void;
  close: () => Promise<void>;
};

/**
 * A loopback TCP proxy standing in for a load balancer or a network path: each new connection goes
 * to the next backend in turn that accepts it (a dead backend is skipped, as a balancer's health
 * check would), and `setDown(true)` cuts every open connection and refuses new ones until
 * `setDown(false)` (an outage of whatever is behind it, e.g. PostgreSQL).
 */
export async function startTcpProxy(backends: number[]): Promise<TcpProxy> {
  const open = new Set<net.Socket>();
  let next = 0;
  let down = false;
  const server = net.createServer((client) => {
    if (down) {
      client.destroy();
      return;
    }
    open.add(client);
    client.once("close", () => open.delete(client));
    client.on("error", () => client.destroy());
    client.pause();
    const tryBackend = (attempt: number) => {
      if (attempt >= backends.length) {
        client.destroy();
        return;
      }
      const port = backends[next++ % backends.length]!;
      const upstream = net.connect({ host: "127.0.0.1", port });
      let connected = false;
      upstream.once("connect", () => {
        connected = true;
        open.add(upstream);
        upstream.once("close", () => {
          open.delete(upstream);
          client.destroy();
        });
        client.once("close", () => upstream.destroy());
        client.pipe(upstream);
        upstream.pipe(client);
        client.resume();
      });
      upstream.on("error", () => {
        upstream.destroy();
        if (!connected) tryBackend(attempt + 1);
      });
    };
    tryBackend(0);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    setDown: (value) => {
      down = value;
      if (value) for (const socket of open) socket.destroy();
    },
    close: async () => {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
