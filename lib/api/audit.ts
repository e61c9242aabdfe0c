import type { Db } from "@/lib/db";
import type { ApiCaller } from "./caller";

/** Records a write made through the public API, with the token's name (null for cookie calls). */
export async function auditApiWrite(
  db: Pick<Db, "apiAudit">,
  caller: ApiCaller,
  entry: { action: string; target: string },
): Promise<void> {
  await db.apiAudit.create({
    data: { userId: caller.actor.id, tokenName: caller.tokenName, action: entry.action, target: entry.target },
  });
}
