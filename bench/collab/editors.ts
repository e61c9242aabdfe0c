import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { WebSocket } from "ws";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { MESSAGE_SYNC } from "@/lib/collab/protocol";
import { BRIEFING_FRAGMENT } from "@/lib/editor/fragment";

export type EditorRunOptions = {
  url: string;
  room: string;
  token: string;
  editors: number;
  updatesPerSecond: number;
  seconds: number;
};

export type EditorRunResult = {
  /** Latency of every (update, receiving editor) pair, ms. */
  samples: Float64Array;
  sent: number;
  /** Deliveries that never arrived (sent x (editors - 1) - received). */
  lost: number;
  /** Wall time of the measured window, s. */
  wallSeconds: number;
};

const now = () => performance.now();

function syncMessage(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** "client:clock" of the first struct of a single-client Yjs update (v1), read from its header. */
function updateKey(update: Uint8Array): string | null {
  const decoder = decoding.createDecoder(update);
  if (decoding.readVarUint(decoder) !== 1) return null;
  decoding.readVarUint(decoder); // number of structs
  const client = decoding.readVarUint(decoder);
  return `${client}:${decoding.readVarUint(decoder)}`;
}

/**
 * A simulated editor speaking the y-websocket protocol on a raw socket: it syncs like the stock
 * client, then types one character per tick into its own paragraph. It does not apply the updates
 * it receives (a hundred in-process Y.Docs would measure the client, not the server); it only
 * timestamps them.
 */
export class SimulatedEditor {
  readonly doc = new Y.Doc();
  private ws!: WebSocket;
  private text: Y.XmlText | undefined;
  private pendingSync: (() => void) | undefined;

  constructor(private readonly onReceive: (key: string, client: number, at: number) => void) {
    this.doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin === this) return;
      this.ws.send(syncMessage((e) => syncProtocol.writeUpdate(e, update)));
    });
  }

  connect(url: string): Promise<void> {
    this.ws = new WebSocket(url);
    this.ws.binaryType = "nodebuffer";
    this.ws.on("message", (data: Buffer) => this.onMessage(new Uint8Array(data.buffer, data.byteOffset, data.length)));
    this.ws.on("error", () => {});
    const synced = new Promise<void>((resolve) => {
      this.pendingSync = resolve;
    });
    this.ws.on("open", () => this.ws.send(syncMessage((e) => syncProtocol.writeSyncStep1(e, this.doc))));
    return synced;
  }

  /** Starts the editor's own paragraph at the end of the document. */
  startParagraph(): void {
    const paragraph = new Y.XmlElement("paragraph");
    this.text = new Y.XmlText();
    paragraph.insert(0, [this.text]);
    this.doc.getXmlFragment(BRIEFING_FRAGMENT).push([paragraph]);
  }

  /** Types one character; returns the key of the update it produced. */
  type(): string {
    const text = this.text!;
    const key = `${this.doc.clientID}:${Y.getState(this.doc.store, this.doc.clientID)}`;
    text.insert(text.length, String.fromCharCode(97 + (text.length % 26)));
    return key;
  }

  close(): void {
    this.ws.close();
    this.doc.destroy();
  }

  private onMessage(data: Uint8Array): void {
    const at = now();
    const decoder = decoding.createDecoder(data);
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return;
    const type = decoding.readVarUint(decoder);
    if (type === syncProtocol.messageYjsSyncStep1) {
      const sv = decoding.readVarUint8Array(decoder);
      this.ws.send(syncMessage((e) => syncProtocol.writeSyncStep2(e, this.doc, sv)));
    } else if (type === syncProtocol.messageYjsSyncStep2 && this.pendingSync) {
      Y.applyUpdate(this.doc, decoding.readVarUint8Array(decoder), this);
      this.pendingSync();
      this.pendingSync = undefined;
    } else if (type === syncProtocol.messageYjsUpdate) {
      const update = decoding.readVarUint8Array(decoder);
      const key = updateKey(update);
      if (key) this.onReceive(key, Number(key.split(":")[0]), at);
    }
  }
}

/**
 * Connects `editors` simulated editors to one room, lets each type `updatesPerSecond` characters
 * per second for `seconds`, and measures the delay between an update's send and its receipt by
 * every other editor. `onWindow` is called at the start and end of the measured window.
 */
export async function runEditors(options: EditorRunOptions, onWindow: (edge: "start" | "end") => void) {
  const sentAt = new Map<string, number>();
  const samples: number[] = [];
  const editors: SimulatedEditor[] = [];
  let measuring = false;
  const receive = (receiver: SimulatedEditor) => (key: string, client: number, at: number) => {
    if (client === receiver.doc.clientID) return; // the reference server echoes to the sender
    const sent = sentAt.get(key);
    if (sent !== undefined) samples.push(at - sent);
  };
  for (let i = 0; i < options.editors; i++) {
    const editor: SimulatedEditor = new SimulatedEditor((...args) => receive(editor)(...args));
    editors.push(editor);
    await editor.connect(`${options.url}/${options.room}?token=${options.token}`);
    editor.startParagraph();
  }
  await new Promise((resolve) => setTimeout(resolve, 500)); // let the joins settle

  const interval = 1000 / options.updatesPerSecond;
  const timers: ReturnType<typeof setInterval>[] = [];
  measuring = true;
  onWindow("start");
  const started = now();
  for (const editor of editors) {
    const phase = setTimeout(() => {
      timers.push(
        setInterval(() => {
          if (!measuring) return;
          const key = editor.type();
          sentAt.set(key, now());
        }, interval),
      );
    }, Math.random() * interval);
    timers.push(phase);
  }
  await new Promise((resolve) => setTimeout(resolve, options.seconds * 1000));
  measuring = false;
  const wallSeconds = (now() - started) / 1000;
  onWindow("end");
  for (const timer of timers) clearInterval(timer);
  const expected = sentAt.size * (options.editors - 1);
  const drainUntil = now() + 3_000;
  while (samples.length < expected && now() < drainUntil) await new Promise((resolve) => setTimeout(resolve, 50));
  for (const editor of editors) editor.close();
  const sorted = Float64Array.from(samples).sort();
  return { samples: sorted, sent: sentAt.size, lost: expected - samples.length, wallSeconds } satisfies EditorRunResult;
}
