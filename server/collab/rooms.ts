import type { BriefingStore } from "@/lib/briefings/doc/store";
import type { RoomFanout } from "./fanout";
import type { PersistenceOptions } from "./persistence";
import { Room } from "./room";

export type RoomRegistryOptions = {
  store: BriefingStore;
  fanout: RoomFanout;
  persistence: Partial<PersistenceOptions>;
  /** How long a room with no connections stays loaded (ms). */
  idleUnloadMs: number;
  /** See RemoteLedger. */
  orphanAfterMs?: number;
  /** See Room.serveStored. */
  applyStoredAfterMs?: number;
  onError: (error: unknown, context: string) => void;
};

type Entry = {
  ready: Promise<Room | null>;
  room?: Room;
  /** Connections attached or being attached. */
  holds: number;
  idleTimer?: ReturnType<typeof setTimeout>;
  unloading?: Promise<void>;
};

/**
 * The rooms loaded in this process. A room is loaded by its first acquirer (the others wait for
 * the same load) and unloaded, after persisting, once it has had no holder for `idleUnloadMs`.
 * An acquire that arrives while the room is unloading waits for that to finish and loads afresh.
 */
export class RoomRegistry {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly options: RoomRegistryOptions) {}

  /** Number of loaded (or loading) rooms. */
  get size(): number {
    return this.entries.size;
  }

  /** The loaded rooms (for access checks, tests and metrics). */
  loaded(): Room[] {
    return [...this.entries.values()].flatMap((entry) => (entry.room ? [entry.room] : []));
  }

  /** The loaded room, if any (for tests and metrics). */
  peek(id: string): Room | undefined {
    return this.entries.get(id)?.room;
  }

  /**
   * Loads (or reuses) a room and holds it until `release`. Null when the briefing does not exist
   * (nothing is held then); throws when it cannot be loaded (e.g. the database is down).
   */
  async acquire(id: string): Promise<Room | null> {
    for (;;) {
      let entry = this.entries.get(id);
      if (entry?.unloading) {
        await entry.unloading;
        continue;
      }
      if (!entry) {
        entry = { ready: this.load(id), holds: 0 };
        this.entries.set(id, entry);
      }
      entry.holds++;
      clearTimeout(entry.idleTimer);
      let room: Room | null;
      try {
        room = await entry.ready;
      } catch (error) {
        this.drop(id, entry);
        throw error;
      }
      if (!room) this.drop(id, entry);
      return room;
    }
  }

  /** Releases one hold; the last one starts the idle countdown. */
  release(id: string): void {
    const entry = this.entries.get(id);
    if (!entry || --entry.holds > 0) return;
    this.scheduleUnload(id, entry);
  }

  private scheduleUnload(id: string, entry: Entry): void {
    clearTimeout(entry.idleTimer);
    entry.idleTimer = setTimeout(() => this.unload(id, entry), this.options.idleUnloadMs);
    entry.idleTimer.unref?.();
  }

  /** Persists and unloads every room (shutdown); failures are reported, not thrown. */
  async closeAll(deadline: number): Promise<void> {
    const entries = [...this.entries.entries()];
    await Promise.all(
      entries.map(async ([id, entry]) => {
        clearTimeout(entry.idleTimer);
        await entry.unloading;
        const room = await entry.ready.catch(() => null);
        if (!room || this.entries.get(id) !== entry) return;
        try {
          await room.close(deadline);
        } catch (error) {
          this.options.onError(error, `persisting briefing ${id} at shutdown`);
        }
        this.entries.delete(id);
      }),
    );
  }

  private async load(id: string): Promise<Room | null> {
    const room = await Room.load(id, this.options.store, this.options.fanout, {
      ...this.options.persistence,
      orphanAfterMs: this.options.orphanAfterMs,
      applyStoredAfterMs: this.options.applyStoredAfterMs,
      onError: this.options.onError,
    });
    const entry = this.entries.get(id);
    if (entry && room) entry.room = room;
    return room;
  }

  private drop(id: string, entry: Entry): void {
    entry.holds--;
    if (entry.holds <= 0 && this.entries.get(id) === entry && !entry.room) this.entries.delete(id);
  }

  private unload(id: string, entry: Entry): void {
    const room = entry.room;
    if (entry.holds > 0 || !room || entry.unloading) return;
    entry.unloading = room.close().then(
      () => {
        if (this.entries.get(id) === entry) this.entries.delete(id);
      },
      (error: unknown) => {
        // Keep the room (and its unsaved updates) in memory and try again later.
        this.options.onError(error, `unloading briefing ${id}`);
        entry.unloading = undefined;
        if (entry.holds === 0) this.scheduleUnload(id, entry);
      },
    );
  }
}
