import path from "node:path";
import { createBriefing } from "@/lib/briefings/create";
import { ROOT, spawnCollabProcess, spawnServerProcess } from "@/lib/test/collab-process";
import { createTestDatabase } from "@/lib/test/databases";
import { buildUser } from "@/lib/test/fixtures";
import { runEditors } from "./editors";
import { procStats, round } from "./proc";

// `tsx bench/collab/idle-rss.ts`: the RSS of our collaboration server and of the reference server
// with one briefing open and two editors typing briefly: the fixed cost bench:collab's goal 3
// allows our server on top of 1.5x the reference (RSS_BASE_MB in bench/collab.ts). Median of 3.
const TOKEN = "bench";
const TOKENS = { [TOKEN]: { userId: "bench", name: "Bench", readOnly: false } };

async function main() {
  const database = await createTestDatabase("sqlite");
  try {
    const ownerId = (await database.db.user.create({ data: buildUser() })).id;
    const { id } = await createBriefing(database.db, { title: "rss", ownerId, template: "blank" });
    const ours: number[] = [];
    const ref: number[] = [];
    for (let i = 0; i < 3; i++) {
      for (const which of ["ours", "ref"] as const) {
        const server =
          which === "ours"
            ? await spawnCollabProcess({ databaseUrl: database.url, tokens: TOKENS })
            : await spawnServerProcess(path.join(ROOT, "bench/collab/ref-server.ts"), {});
        await runEditors(
          {
            url: server.url,
            room: which === "ours" ? id : "ref",
            token: TOKEN,
            editors: 2,
            updatesPerSecond: 5,
            seconds: 2,
          },
          () => {},
        );
        await new Promise((r) => setTimeout(r, 500));
        (which === "ours" ? ours : ref).push(procStats(server.child.pid!).rssMb);
        await server.stop();
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1]!;
    console.log(
      JSON.stringify({
        bench: "idle_rss",
        rss_mb: round(median(ours)),
        ref_rss_mb: round(median(ref)),
        base_mb: round(median(ours) - median(ref)),
      }),
    );
  } finally {
    await database.drop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
