import { Redis } from "ioredis";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { z } from "zod";
import { corkUntilIdle } from "./cork";
import { type AccessChange, localFanout, newOriginId, type RemoteHandlers, type RoomFanout } from "./fanout";

const KIND = { update: 1, awareness: 2, stored: 3, stateRequest: 4, stateReply: 5 } as const;
const ID_BYTES = 16;

const accessMessage = z.object({
  instance: z.string(),
  change: z.object({ briefingId: z.string().optional(), userId: z.string().optional() }),
});

export type RedisFanoutOptions = {
  url: string;
  /** Prefix of every channel, so several deployments can share one Redis. */
  prefix?: string;
  onError?: (error: unknown, context: string) => void;
};

/** Counters for tests, metrics and the load benchmark. */
export type FanoutStats = { published: number; received: number; dropped: number; resyncs: number };

const noticeMessage = z.object({ instance: z.string(), topic: z.string(), payload: z.string() });

type Subscription = { roomId: string; originId: string; handlers: RemoteHandlers };

/**
 * Fan-out between instances over Redis pub/sub: one channel per briefing plus one for access
 * changes. Pub/sub delivers at most once and nothing while disconnected, so the link never
 * queues while Redis is down (publishes fail fast and are counted as dropped) and, whenever a
 * subscription becomes live (a room loads, or the link comes back), the room asks the others for
 * what it lacks and re-announces its clients' awareness. Yjs ignores what it already has, so the
 * overlap this creates is harmless.
 */
export class RedisFanout implements RoomFanout {
  readonly stats: FanoutStats = { published: 0, received: 0, dropped: 0, resyncs: 0 };
  private readonly instance = newOriginId();
  private readonly prefix: string;
  private readonly pub: Redis;
  private readonly sub: Redis;
  /** Subscriptions by channel; a briefing loaded once per instance means one per channel. */
  private readonly subscriptions = new Map<string, Subscription>();
  private readonly accessListeners = new Set<(change: AccessChange) => void>();
  private readonly noticeListeners = new Map<string, Set<(payload: string) => void>>();
  private readonly onError: (error: unknown, context: string) => void;
  private closed = false;

  private constructor(options: RedisFanoutOptions) {
    this.prefix = options.prefix ?? "briefing-editor:";
    this.onError = options.onError ?? ((error, context) => console.error(`[fanout] ${context}:`, error));
    const connection = {
      lazyConnect: true,
      enableOfflineQueue: false,
      autoResubscribe: false,
      maxRetriesPerRequest: 0,
      retryStrategy: (attempt: number) => Math.min(50 * attempt, 1_000),
    };
    this.pub = new Redis(options.url, { ...connection, connectionName: "briefing-editor-pub" });
    this.sub = new Redis(options.url, { ...connection, connectionName: "briefing-editor-sub" });
    let lastError = "";
    for (const client of [this.pub, this.sub]) {
      client.on("error", (error: Error) => {
        // ioredis repeats the same error on every retry; report each new one once.
        if (error.message === lastError) return;
        lastError = error.message;
        this.onError(error, "Redis link");
      });
    }
    // Both links are needed to resync (subscribe, then publish the state requests): start once
    // the later of the two is ready again.
    for (const client of [this.pub, this.sub]) {
      client.on("ready", () => {
        lastError = "";
        if (this.connected) void this.resubscribeAll();
      });
    }
    this.sub.on("messageBuffer", (channel: Buffer, message: Buffer) => this.receive(channel.toString(), message));
  }

  /**
   * Connects to Redis (both links). An instance that starts while Redis is down still serves its
   * own clients (reported as an error); the links keep retrying and the rooms resync once up.
   */
  static async connect(options: RedisFanoutOptions): Promise<RedisFanout> {
    const fanout = new RedisFanout(options);
    await Promise.all([fanout.pub.connect(), fanout.sub.connect()]).catch((error: unknown) =>
      fanout.onError(error, "connecting to Redis (retrying)"),
    );
    return fanout;
  }

  /** True while both links to Redis are up. */
  get connected(): boolean {
    return this.pub.status === "ready" && this.sub.status === "ready";
  }

  subscribe(roomId: string, originId: string, handlers: RemoteHandlers): () => void {
    const channel = this.roomChannel(roomId);
    const subscription = { roomId, originId, handlers };
    this.subscriptions.set(channel, subscription);
    if (this.sub.status === "ready") void this.activate(channel, subscription);
    return () => {
      if (this.subscriptions.get(channel) !== subscription) return;
      this.subscriptions.delete(channel);
      if (this.sub.status === "ready") this.sub.unsubscribe(channel).catch(() => {});
    };
  }

  publishUpdate(roomId: string, originId: string, update: Uint8Array, seq: number): void {
    this.publish(roomId, KIND.update, originId, (encoder) => {
      encoding.writeVarUint(encoder, seq);
      encoding.writeUint8Array(encoder, update);
    });
  }

  publishAwareness(roomId: string, originId: string, update: Uint8Array): void {
    this.publish(roomId, KIND.awareness, originId, (encoder) => encoding.writeUint8Array(encoder, update));
  }

  publishStored(roomId: string, originId: string, seq: number): void {
    this.publish(roomId, KIND.stored, originId, (encoder) => encoding.writeVarUint(encoder, seq));
  }

  publishAccessChange(change: AccessChange): void {
    this.send(`${this.prefix}access`, JSON.stringify({ instance: this.instance, change }));
  }

  onAccessChange(listener: (change: AccessChange) => void): () => void {
    this.accessListeners.add(listener);
    return () => this.accessListeners.delete(listener);
  }

  publishNotice(topic: string, payload: string): void {
    this.send(`${this.prefix}notices`, JSON.stringify({ instance: this.instance, topic, payload }));
  }

  onNotice(topic: string, listener: (payload: string) => void): () => void {
    const listeners = this.noticeListeners.get(topic) ?? new Set();
    this.noticeListeners.set(topic, listeners);
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.subscriptions.clear();
    await Promise.all([this.pub.quit().catch(() => {}), this.sub.quit().catch(() => {})]);
    this.pub.disconnect();
    this.sub.disconnect();
  }

  private roomChannel(roomId: string): string {
    return `${this.prefix}room:${roomId}`;
  }

  /** After (re)connecting: subscribe to every channel again, then resync every room. */
  private async resubscribeAll(): Promise<void> {
    if (this.closed) return;
    try {
      await this.sub.subscribe(`${this.prefix}access`, `${this.prefix}notices`);
    } catch (error) {
      this.onError(error, "subscribing to access changes");
    }
    await Promise.all([...this.subscriptions].map(([channel, subscription]) => this.activate(channel, subscription)));
  }

  /** Subscribes one room's channel, then asks for what it lacks and announces its clients. */
  private async activate(channel: string, subscription: Subscription): Promise<void> {
    try {
      await this.sub.subscribe(channel);
      if (this.subscriptions.get(channel) !== subscription) return;
      this.stats.resyncs++;
      await this.requestState(subscription, null);
      const awareness = subscription.handlers.localAwareness();
      if (awareness) this.publishAwareness(subscription.roomId, subscription.originId, awareness);
    } catch (error) {
      // The next "ready" after the link comes back tries again.
      this.onError(error, `subscribing to briefing ${subscription.roomId}`);
    }
  }

  /**
   * Asks the others for what this room lacks. A broadcast request (target null) also asks each
   * answering room to send its own request back: a room that was not subscribed yet when an
   * earlier request went out (both sides of a Redis reconnection resubscribe at slightly different
   * times) then still gets what it lacks. Requests sent back are targeted and not answered back.
   */
  private async requestState(subscription: Subscription, target: string | null): Promise<void> {
    const stateVector = await subscription.handlers.stateVector();
    this.publish(subscription.roomId, KIND.stateRequest, subscription.originId, (encoder) => {
      encoding.writeUint8(encoder, target ? 1 : 0);
      if (target) encoding.writeUint8Array(encoder, Buffer.from(target, "hex"));
      encoding.writeUint8Array(encoder, stateVector);
    });
  }

  private publish(roomId: string, kind: number, originId: string, write: (encoder: encoding.Encoder) => void): void {
    const encoder = encoding.createEncoder();
    encoding.writeUint8(encoder, kind);
    encoding.writeUint8Array(encoder, Buffer.from(originId, "hex"));
    write(encoder);
    this.send(this.roomChannel(roomId), Buffer.from(encoding.toUint8Array(encoder)));
  }

  private send(channel: string, message: Buffer | string): void {
    if (this.closed || this.pub.status !== "ready") {
      this.stats.dropped++;
      return;
    }
    this.stats.published++;
    corkUntilIdle(this.pub.stream); // one write per turn, as for clients (bench:load: ~10% of the CPU)
    this.pub.publish(channel, message).catch(() => {
      this.stats.dropped++;
    });
  }

  private receive(channel: string, message: Buffer): void {
    this.stats.received++;
    try {
      if (channel === `${this.prefix}access`) this.receiveAccess(message);
      else if (channel === `${this.prefix}notices`) this.receiveNotice(message);
      else this.receiveRoom(channel, message);
    } catch (error) {
      this.onError(error, `message on ${channel}`);
    }
  }

  private receiveAccess(message: Buffer): void {
    const parsed = accessMessage.safeParse(JSON.parse(message.toString()));
    if (!parsed.success || parsed.data.instance === this.instance) return;
    for (const listener of this.accessListeners) listener(parsed.data.change);
  }

  private receiveNotice(message: Buffer): void {
    const parsed = noticeMessage.safeParse(JSON.parse(message.toString()));
    if (!parsed.success || parsed.data.instance === this.instance) return;
    for (const listener of this.noticeListeners.get(parsed.data.topic) ?? []) listener(parsed.data.payload);
  }

  private receiveRoom(channel: string, message: Buffer): void {
    const subscription = this.subscriptions.get(channel);
    if (!subscription) return;
    const decoder = decoding.createDecoder(message);
    const kind = decoding.readUint8(decoder);
    const originId = readId(decoder);
    if (originId === subscription.originId) return; // our own message, echoed by Redis
    const { handlers } = subscription;
    switch (kind) {
      case KIND.update: {
        const seq = decoding.readVarUint(decoder);
        handlers.update(rest(decoder), originId, seq);
        return;
      }
      case KIND.awareness:
        handlers.awareness(rest(decoder));
        return;
      case KIND.stored:
        handlers.stored(originId, decoding.readVarUint(decoder));
        return;
      case KIND.stateRequest: {
        const targeted = decoding.readUint8(decoder) === 1;
        if (targeted && readId(decoder) !== subscription.originId) return;
        const stateVector = rest(decoder);
        const answered = this.answer(subscription, originId, stateVector).then(() =>
          targeted ? undefined : this.requestState(subscription, originId),
        );
        answered.catch((error: unknown) =>
          this.onError(error, `answering a state request for briefing ${subscription.roomId}`),
        );
        return;
      }
      case KIND.stateReply: {
        const target = readId(decoder);
        if (target !== subscription.originId) return;
        const seq = decoding.readVarUint(decoder);
        handlers.update(rest(decoder), originId, seq);
        return;
      }
    }
  }

  private async answer(subscription: Subscription, requester: string, stateVector: Uint8Array): Promise<void> {
    const { update, seq } = await subscription.handlers.stateFor(stateVector);
    this.publish(subscription.roomId, KIND.stateReply, subscription.originId, (encoder) => {
      encoding.writeUint8Array(encoder, Buffer.from(requester, "hex"));
      encoding.writeVarUint(encoder, seq);
      encoding.writeUint8Array(encoder, update);
    });
  }
}

/** An origin id as sent (16 bytes), as the hex string rooms use. */
function readId(decoder: decoding.Decoder): string {
  return Buffer.from(decoding.readUint8Array(decoder, ID_BYTES)).toString("hex");
}

function rest(decoder: decoding.Decoder): Uint8Array {
  return decoder.arr.subarray(decoder.pos);
}

/** This process's fan-out: linked through Redis when `url` is set, otherwise the single-instance one. */
export async function connectFanout(url: string | undefined): Promise<RoomFanout> {
  return url ? RedisFanout.connect({ url }) : localFanout;
}
