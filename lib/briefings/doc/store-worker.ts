import { parentPort, workerData } from "node:worker_threads";
import { createDb, providerOf } from "@/lib/db";
import { LocalBriefingStore } from "./store";
import { BriefingUpdateLog } from "./update-log";
import { serveStore } from "./worker-protocol";

// The thread behind ThreadedBriefingStore: a LocalBriefingStore on its own database connection.

const { databaseUrl } = workerData as { databaseUrl: string };
const db = createDb(databaseUrl);
serveStore(parentPort!, new LocalBriefingStore(new BriefingUpdateLog(db, providerOf(databaseUrl))), () =>
  db.$disconnect(),
);
