import { parentPort, workerData } from "node:worker_threads";
import { createDb, providerOf } from "@/lib/db";
import { LocalBriefingStore } from "./store";
import { BriefingUpdateLog } from "./update-log";

// The thread behind ThreadedBriefingStore: a LocalBriefingStore on its own database connection.
// Requests are { id, method, args }; answers { id, result } or { id, error }.

type Request = {
  id: number;
  method: "ping" | "open" | "append" | "compact" | "writeContent" | "rederiveStale" | "release";
  args: unknown[];
};

const { databaseUrl } = workerData as { databaseUrl: string };
const db = createDb(databaseUrl);
const store = new LocalBriefingStore(new BriefingUpdateLog(db, providerOf(databaseUrl)));
const port = parentPort!;

port.on("message", async (request: Request | "close") => {
  if (request === "close") {
    await store.close();
    await db.$disconnect();
    port.close();
    return;
  }
  if (request.method === "ping") {
    port.postMessage({ id: request.id, result: true });
    return;
  }
  try {
    const method = store[request.method] as (...args: unknown[]) => Promise<unknown>;
    const result = await method.apply(store, request.args);
    port.postMessage({ id: request.id, result }); // copied: a few hundred KB at most, once per open
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    port.postMessage({ id: request.id, error: message });
  }
});
