import { parentPort } from "node:worker_threads";
import { renderExport } from "./render";
import type { ExportDocument, ExportFormat, RenderOptions } from "./types";

// A thread of ExportRenderPool: renders one export document at a time. Requests are
// { id, doc, format, options }; answers { id, body, contentType, contentDisposition } or { id, error }.

type Request = { id: number; doc: ExportDocument; format: ExportFormat; options?: RenderOptions };

const port = parentPort!;

port.on("message", async (request: Request | "close") => {
  if (request === "close") {
    port.close();
    return;
  }
  try {
    const file = await renderExport(request.doc, request.format, request.options ?? {});
    // A fresh ArrayBuffer of exactly the file, moved (not copied) to the main thread.
    const body = new Uint8Array(file.body).buffer;
    port.postMessage(
      { id: request.id, body, contentType: file.contentType, contentDisposition: file.contentDisposition },
      [body],
    );
  } catch (error) {
    port.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) });
  }
});
