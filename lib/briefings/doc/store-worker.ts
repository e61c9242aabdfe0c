import { parentPort, workerData } from "node:worker_threads";
import { openLogConnection } from "./log-statements";
import { LocalBriefingStore } from "./store";
import { BriefingUpdateLog } from "./update-log";
import { serveStore } from "./worker-protocol";

// The thread behind ThreadedBriefingStore: a LocalBriefingStore on a database connection of its
// own, without Prisma (see log-statements.ts). The @mentions its content writes find are posted
// to the parent, which delivers them through Prisma and can().

const { databaseUrl } = workerData as { databaseUrl: string };
const port = parentPort!;
const connection = openLogConnection(databaseUrl);
const store = new LocalBriefingStore(new BriefingUpdateLog(connection), async (drafts) => {
  if (drafts.length) port.postMessage({ mentions: drafts });
});
serveStore(port, store, () => connection.close());
