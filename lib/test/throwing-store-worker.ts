import { parentPort } from "node:worker_threads";
import type { BriefingStore } from "@/lib/briefings/doc/store";
import { serveStore } from "@/lib/briefings/doc/worker-protocol";
import { AppError } from "@/lib/errors";

// A briefing store worker (same protocol as lib/briefings/doc/store-worker.ts) whose store refuses
// every briefing with an AppError: for the test that errors keep their code and stack across the thread.

function refuseBriefing(briefingId: string): never {
  throw new AppError("not_found", `Briefing ${briefingId} is not in this store.`, { briefingId });
}

const refusing: BriefingStore = {
  open: async (briefingId) => refuseBriefing(briefingId),
  append: async (briefingId) => refuseBriefing(briefingId),
  compact: async (briefingId) => refuseBriefing(briefingId),
  writeContent: async (briefingId) => refuseBriefing(briefingId),
  rederiveStale: async () => 0,
  release: async () => {},
  close: async () => {},
};

serveStore(parentPort!, refusing, async () => {});
