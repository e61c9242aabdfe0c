import type { Writable } from "node:stream";

const corked = new WeakSet<Writable>();

/**
 * Holds a socket's writes until the event loop has handled the current batch of I/O (setImmediate
 * runs after it): what a turn sends (a room relaying several updates to a peer, an instance
 * publishing many editors' updates to Redis) goes out in one system call instead of one per
 * message. One write per message was most of the server's CPU under load (bench:collab, bench:load).
 */
export function corkUntilIdle(socket: Writable | undefined): void {
  if (!socket || corked.has(socket)) return;
  corked.add(socket);
  socket.cork();
  setImmediate(() => {
    corked.delete(socket);
    socket.uncork();
  });
}
