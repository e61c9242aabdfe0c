import { CatalogValidationError } from "@/lib/catalog/exchange";
import { getDb } from "@/lib/db";
import { EnvError } from "@/lib/env";

/** Runs a command-line task: prints known errors as plain sentences, exits non-zero on failure. */
export function runCli(task: () => Promise<void>): void {
  task()
    .then(() => getDb().$disconnect())
    .catch(async (error: unknown) => {
      if (error instanceof CatalogValidationError || error instanceof EnvError) console.error(error.message);
      else console.error(error);
      process.exitCode = 1;
    });
}
