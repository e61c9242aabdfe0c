import type Redis from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { eventually } from "@/lib/test/collab";
import { startTestRedis, type TestRedis } from "@/lib/test/redis";
import { newOriginId, type RemoteHandlers } from "./fanout";
import { RedisFanout } from "./redis-fanout";

// The Redis link itself, on a private redis-server (the servers' use of it is in scale-out.test.ts).

describe("the Redis fan-out", () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startTestRedis();
  });
  afterAll(() => redis?.kill());

  it("sends what is published in one turn to Redis in one write, and the other instance gets it all in order", async () => {
    // Under load (bench:load, two instances) a system call per publish was ~10% of each instance's CPU.
    const [a, b] = [
      await RedisFanout.connect({ url: redis.url, onError: () => {} }),
      await RedisFanout.connect({ url: redis.url, onError: () => {} }),
    ];
    try {
      const received: number[] = [];
      const handlers: RemoteHandlers = {
        update: (_update, _origin, seq) => received.push(seq),
        awareness: () => {},
        stored: () => {},
        stateVector: async () => Y.encodeStateVector(new Y.Doc()),
        stateFor: async () => ({ update: Y.encodeStateAsUpdate(new Y.Doc()), seq: 0 }),
        localAwareness: () => null,
      };
      b.subscribe("briefing-1", newOriginId(), handlers);
      const origin = newOriginId();
      const source = new Y.Doc();
      source.getText("t").insert(0, "x");
      const update = Y.encodeStateAsUpdate(source);
      await eventually(
        () => {
          a.publishUpdate("briefing-1", origin, update, 0); // until b's subscription is active
          return received.length > 0;
        },
        5_000,
        "b subscribed",
      );
      await new Promise((resolve) => setImmediate(resolve));
      const socket = (a as unknown as { pub: Redis }).pub.stream as unknown as Record<
        "_write" | "_writev",
        (...args: unknown[]) => void
      >;
      let writes = 0;
      for (const method of ["_write", "_writev"] as const) {
        const original = socket[method].bind(socket);
        socket[method] = (...args: unknown[]) => {
          writes++;
          original(...args);
        };
      }
      received.length = 0;
      for (let seq = 1; seq <= 10; seq++) a.publishUpdate("briefing-1", origin, update, seq);
      await new Promise((resolve) => setImmediate(resolve)); // the turn the writes are released in
      expect(writes).toBe(1);
      await eventually(() => received.filter((seq) => seq > 0).length === 10, 5_000, "all ten received");
      expect(received.filter((seq) => seq > 0)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
