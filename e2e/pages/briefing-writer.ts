import type { BrowserContext } from "@playwright/test";
import { WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { SaveStatusTracker } from "../../lib/collab/save-status";

/**
 * A team member editing a briefing from Node over the real collaboration websocket, signed in
 * with a browser context's session cookie: what an editor tab does, without depending on the
 * editor UI. Blocks are appended to the document's Yjs fragment as the editor would store them.
 */
export class BriefingWriter {
  private constructor(
    readonly doc: Y.Doc,
    private readonly provider: WebsocketProvider,
    private readonly status: SaveStatusTracker,
  ) {}

  static async open(context: BrowserContext, baseURL: string, briefingId: string): Promise<BriefingWriter> {
    const cookie = (await context.cookies(baseURL)).map((c) => `${c.name}=${c.value}`).join("; ");
    class CookieSocket extends WebSocket {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols, { headers: { cookie } });
      }
    }
    const doc = new Y.Doc();
    const url = `${baseURL.replace(/^http/, "ws")}/collab`;
    const provider = new WebsocketProvider(url, briefingId, doc, {
      WebSocketPolyfill: CookieSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    const writer = new BriefingWriter(doc, provider, new SaveStatusTracker(provider));
    await writer.until("saved");
    return writer;
  }

  private until(status: string): Promise<void> {
    if (this.status.status === status) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timeout = setTimeout(() => reject(new Error(`collaboration status stayed ${this.status.status}`)), 15_000);
      const stop = this.status.subscribe((now) => {
        if (now !== status) return;
        clearTimeout(timeout);
        stop();
        resolve();
      });
    });
  }

  private get fragment(): Y.XmlFragment {
    return this.doc.getXmlFragment("default");
  }

  /** Appends a heading or paragraph and waits until the server has stored it. */
  async append(type: "paragraph" | "heading", text: string): Promise<void> {
    const element = new Y.XmlElement(type);
    if (type === "heading") element.setAttribute("level", 2 as unknown as string);
    element.insert(0, [new Y.XmlText(text)]);
    this.fragment.push([element]);
    await this.until("saved");
  }

  /** Appends a live framework card and waits until it is stored. */
  async appendCard(slug: string): Promise<void> {
    const card = new Y.XmlElement("frameworkCard");
    card.setAttribute("slug", slug);
    card.setAttribute("mode", "live");
    this.fragment.push([card]);
    await this.until("saved");
  }

  /** Appends an embedded saved comparison and waits until it is stored. */
  async appendComparison(comparisonId: string, title: string): Promise<void> {
    const embed = new Y.XmlElement("comparison");
    embed.setAttribute("comparisonId", comparisonId);
    embed.setAttribute("title", title);
    this.fragment.push([embed]);
    await this.until("saved");
  }

  close(): void {
    this.status.destroy();
    this.provider.destroy();
    this.doc.destroy();
  }
}
