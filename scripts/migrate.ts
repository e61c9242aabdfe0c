// `npm run db:migrate`: apply the committed migrations to DATABASE_URL (the app also does this on start).
import { migrate } from "@/lib/db/migrate";
import { env } from "@/lib/env";
import { runCli } from "./cli";

runCli(async () => {
  const applied = await migrate(env().DATABASE_URL.url);
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "The database is up to date.");
});
