import * as Y from "yjs";
import { BRIEFING_FRAGMENT } from "@/lib/editor/fragment";

export type History = {
  /** Batches of updates as the server would have logged them (one merged update per batch). */
  batches: Uint8Array[];
  operations: number;
  chars: number;
  /** State vector and number of structs of the final document. */
  stateVector: Map<number, number>;
  structs: number;
};

/** A small deterministic PRNG (mulberry32) so every run edits the same way. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Simulates a realistic editing history: `authors` people taking turns, mostly typing at their
 * cursor, with backspaces, occasional jumps, deleted selections, bold words and new paragraphs, one Yjs
 * transaction per operation, until `operations` operations were made. Updates are merged in groups
 * of `batchSize`, as the server's batch window would.
 */
export function buildHistory(operations: number, batchSize = 100, authors = 4): History {
  const rand = random(42);
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment(BRIEFING_FRAGMENT);
  const texts: Y.XmlText[] = [];
  const newParagraph = (index: number) => {
    const paragraph = new Y.XmlElement("paragraph");
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    fragment.insert(index, [paragraph]);
    texts.splice(index, 0, text);
  };
  const batches: Uint8Array[] = [];
  let pending: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => {
    pending.push(update);
    if (pending.length >= batchSize) {
      batches.push(Y.mergeUpdates(pending));
      pending = [];
    }
  });

  newParagraph(0);

  let paragraph = 0;
  let cursor = 0;
  const jump = () => {
    paragraph = Math.floor(rand() * texts.length);
    cursor = Math.floor(rand() * (texts[paragraph]!.length + 1));
  };
  for (let op = 0; op < operations; op++) {
    if (op % 2_000 === 0) doc.clientID = 1_000 + ((op / 2_000) % authors); // the next author's turn
    const roll = rand();
    const text = texts[paragraph]!;
    if (roll < 0.015) jump();
    else if (roll < 0.02 && text.length > 300) {
      newParagraph(paragraph + 1);
      paragraph++;
      cursor = 0;
    } else if (roll < 0.025 && text.length > 20) {
      const at = Math.floor(rand() * (text.length - 10));
      text.format(at, 5 + Math.floor(rand() * 5), { bold: {} }); // select and bold a word
    } else if (roll < 0.043 && text.length > 40) {
      const length = 3 + Math.floor(rand() * 25); // select a few words and delete them
      const at = Math.floor(rand() * (text.length - length));
      text.delete(at, length);
      if (cursor > at) cursor = Math.max(at, cursor - length);
    } else if (roll < 0.173 && cursor > 0)
      text.delete(--cursor, 1); // backspace
    else text.insert(cursor++, rand() < 0.18 ? " " : String.fromCharCode(97 + Math.floor(rand() * 26)));
    cursor = Math.min(cursor, texts[paragraph]!.length);
  }
  if (pending.length) batches.push(Y.mergeUpdates(pending));
  const chars = texts.reduce((sum, t) => sum + t.length, 0);
  const stateVector = Y.decodeStateVector(Y.encodeStateVector(doc));
  let structs = 0;
  for (const list of doc.store.clients.values()) structs += list.length;
  doc.destroy();
  return { batches, operations, chars, stateVector, structs };
}
