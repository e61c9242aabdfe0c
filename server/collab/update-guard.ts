import * as Y from "yjs";
import { CLOSE } from "@/lib/collab/protocol";
import { MAX_DOCUMENT_DEPTH, updateDepth } from "@/lib/editor/depth";
import type { SuggestionsOnlyCheck } from "./suggest-only";
import type { RoomPeer } from "./types";

/** An update the room will not take; the sender is closed with `code` and the message as reason. */
export class UpdateRefused extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export type UpdateGuardLimits = {
  /** Bytes of a connection's updates that wait for missing dependencies. */
  maxParkedBytes: number;
  /** Messages in a row after which a connection's parked updates still wait. */
  maxParkedMessages: number;
  /** Yjs client ids one connection may hold (a document has one per session; a few at most). */
  maxClientIdsPerPeer: number;
};

const DEFAULT_LIMITS: UpdateGuardLimits = {
  maxParkedBytes: 256 * 1024,
  maxParkedMessages: 32,
  maxClientIdsPerPeer: 16,
};

type Parked = { updates: Uint8Array[]; messages: number };

/** What Yjs holds back in a store for missing dependencies (a function: it changes under us). */
function pendingOf(store: Y.Doc["store"]): Uint8Array[] {
  return [store.pendingStructs?.update, store.pendingDs].filter((u): u is Uint8Array => !!u);
}

/**
 * Applies local peers' updates to a room's document, refusing two kinds of harm:
 *
 * - Content under another connection's Yjs client id. Yjs identifies content by (client id,
 *   clock); content forged under a victim's id makes the server drop the victim's later real
 *   content as already known, while the victim's own document says it was saved. A client id
 *   belongs to the first live connection that claims it (its save requests name it) or writes new
 *   content with it in a live update; only new content counts (structs beyond the document's
 *   state), so deleting others' content and resending known content stay allowed.
 * - Updates whose dependencies never arrive. Yjs keeps them as pending structs in the document and
 *   re-merges them on every later update (quadratic, unbounded). Here they never stay in the
 *   document: what a peer's update leaves pending is taken out and parked for that peer (a client
 *   may send a live edit just before the sync step 2 that holds what it depends on), retried after
 *   its next updates, and refused once it exceeds a small bound.
 */
let suggestOnly: typeof import("./suggest-only") | undefined;

/**
 * Loads the "suggestions only" check, which brings the editor schema (ProseMirror and the Tiptap
 * extensions: about 20 MB of a server's memory) into the process: only once someone held to
 * suggestions connects (accept.ts awaits it before such a connection can send anything).
 */
export async function loadSuggestionsOnlyCheck(): Promise<void> {
  suggestOnly ??= await import("./suggest-only");
}

export class UpdateGuard {
  private readonly owners = new Map<number, RoomPeer>();
  private readonly claims = new Map<RoomPeer, Set<number>>();
  private readonly parked = new Map<RoomPeer, Parked>();
  /** Made when the first peer held to "suggestions only" writes; closed when the last such peer leaves. */
  private suggestionsOnly: SuggestionsOnlyCheck | null = null;
  private readonly heldToSuggestions = new Set<RoomPeer>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly limits: UpdateGuardLimits = DEFAULT_LIMITS,
  ) {}

  /** Binds a Yjs client id to a peer, unless another peer holds it or the peer holds too many. */
  claim(peer: RoomPeer, clientId: number): void {
    if (this.owners.has(clientId)) return;
    const owned = this.claims.get(peer) ?? new Set<number>();
    if (owned.size >= this.limits.maxClientIdsPerPeer) return;
    owned.add(clientId);
    this.claims.set(peer, owned);
    this.owners.set(clientId, peer);
  }

  /** Forgets a peer that left: its client ids are free again, its parked updates are dropped. */
  release(peer: RoomPeer): void {
    for (const clientId of this.claims.get(peer) ?? []) this.owners.delete(clientId);
    this.claims.delete(peer);
    this.parked.delete(peer);
    this.heldToSuggestions.delete(peer);
    if (this.heldToSuggestions.size === 0 && this.suggestionsOnly) {
      this.suggestionsOnly.close();
      this.suggestionsOnly = null;
    }
  }

  /** True when the peer has updates waiting for their dependencies (for tests and metrics). */
  hasParked(peer: RoomPeer): boolean {
    return this.parked.has(peer);
  }

  /**
   * Applies a peer's update (origin: the peer). Throws UpdateRefused when it writes under another
   * peer's client id or when the peer's updates keep missing dependencies; throws other errors for
   * an invalid update.
   */
  apply(peer: RoomPeer, update: Uint8Array, live: boolean): void {
    this.assertDepth(peer, update);
    if (peer.user.suggestOnly) this.assertSuggestions(peer, update);
    const written = this.newContentClients(update);
    for (const clientId of written) {
      const owner = this.owners.get(clientId);
      if (owner && owner !== peer) {
        throw new UpdateRefused(CLOSE.clientIdInUse, `Yjs client id ${clientId} is in use by another connection`);
      }
    }
    this.integrate(peer, update);
    if (live) for (const clientId of written) this.claim(peer, clientId);
  }

  /**
   * Refuses an update that would nest the document deeper than MAX_DOCUMENT_DEPTH, before anything
   * is applied. The peer's parked updates are measured with it: they are applied along with it, so
   * a deep chain sent in pieces is caught by the piece that would release it.
   */
  private assertDepth(peer: RoomPeer, update: Uint8Array): void {
    const parked = this.parked.get(peer)?.updates ?? [];
    const measured = parked.length
      ? Y.mergeUpdates([update, ...parked.map((waiting) => Y.convertUpdateFormatV2ToV1(waiting))])
      : update;
    if (updateDepth(this.doc, measured, MAX_DOCUMENT_DEPTH) > MAX_DOCUMENT_DEPTH) {
      throw new UpdateRefused(
        CLOSE.documentTooDeep,
        `Document nested too deeply (more than ${MAX_DOCUMENT_DEPTH} levels)`,
      );
    }
  }

  /** "Suggestions only": the update (with what the peer has parked) may only add its own suggestions. */
  private assertSuggestions(peer: RoomPeer, update: Uint8Array): void {
    const parked = this.parked.get(peer)?.updates ?? [];
    const measured = parked.length
      ? Y.mergeUpdates([update, ...parked.map((waiting) => Y.convertUpdateFormatV2ToV1(waiting))])
      : update;
    this.heldToSuggestions.add(peer);
    if (!suggestOnly) throw new Error("The suggestions-only check was not loaded (loadSuggestionsOnlyCheck)");
    this.suggestionsOnly ??= new suggestOnly.SuggestionsOnlyCheck(this.doc);
    this.suggestionsOnly.assert(measured, peer.user.userId);
  }

  /** The client ids for which the update holds content the document does not have yet. */
  private newContentClients(update: Uint8Array): number[] {
    const { to } = Y.parseUpdateMeta(update);
    return [...to].filter(([clientId, clock]) => clock > Y.getState(this.doc.store, clientId)).map(([id]) => id);
  }

  private integrate(peer: RoomPeer, update: Uint8Array): void {
    const store = this.doc.store;
    // Pending state of updates relayed from other instances is set aside, so what remains
    // afterwards is this peer's alone.
    const others = { structs: store.pendingStructs, ds: store.pendingDs };
    store.pendingStructs = null;
    store.pendingDs = null;
    try {
      Y.applyUpdate(this.doc, update, peer);
      // Yjs keeps its pending state in the V2 encoding.
      for (const waiting of this.parked.get(peer)?.updates ?? []) Y.applyUpdateV2(this.doc, waiting, peer);
      this.park(peer, pendingOf(store));
    } finally {
      store.pendingStructs = others.structs;
      store.pendingDs = others.ds;
    }
  }

  private park(peer: RoomPeer, updates: Uint8Array[]): void {
    if (!updates.length) {
      this.parked.delete(peer);
      return;
    }
    const messages = (this.parked.get(peer)?.messages ?? 0) + 1;
    const bytes = updates.reduce((sum, u) => sum + u.length, 0);
    if (bytes > this.limits.maxParkedBytes || messages > this.limits.maxParkedMessages) {
      this.parked.delete(peer);
      throw new UpdateRefused(
        CLOSE.missingDependencies,
        "Updates depend on changes the server never received; reconnect to resync",
      );
    }
    this.parked.set(peer, { updates, messages });
  }
}
