// `npm run seed`: migrates the database and imports the seed catalog (idempotent).
import { seedCatalog } from "@/lib/catalog/seed";
import { getDb } from "@/lib/db";
import { migrate } from "@/lib/db/migrate";
import { env } from "@/lib/env";
import { runCli } from "@/scripts/cli";

runCli(async () => {
  await migrate(env().DATABASE_URL.url);
  const report = await seedCatalog(getDb());
  console.log(
    `Seed catalog: frameworks ${JSON.stringify(report.frameworks)}, dimensions ${JSON.stringify(report.dimensions)}`,
  );
});
