import type { CollabConnection } from "./connection";

/**
 * Ping/pong: every `intervalMs` each connection is pinged, and one that has not shown life since
 * the previous ping (no pong, no message) is terminated. A peer that vanished without a close
 * (laptop lid, network gone) would otherwise hold its room, its presence and its slot forever.
 */
export class Liveness {
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(connections: Iterable<CollabConnection>, intervalMs: number) {
    this.timer = setInterval(() => {
      for (const connection of connections) {
        if (!connection.alive) {
          connection.ws.terminate();
          continue;
        }
        connection.alive = false;
        connection.ws.ping();
      }
    }, intervalMs);
    this.timer.unref();
  }

  /** Counts the connection's pongs as life (its messages count too, see CollabConnection). */
  watch(connection: CollabConnection): void {
    connection.ws.on("pong", () => {
      connection.alive = true;
    });
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
