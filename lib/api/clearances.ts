import { listClearances } from "@/lib/clearance/queries";
import type { AnswerClearanceInput, RequestClearanceInput } from "@/lib/clearance/schema";
import { clearanceIdSchema } from "@/lib/clearance/schema";
import {
  answerClearance,
  finalizeClearance,
  releaseClearance,
  requestClearance,
  withdrawClearance,
} from "@/lib/clearance/service";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { auditApiWrite } from "./audit";
import type { ApiCaller } from "./caller";

/** A clearance id from the path; a malformed one is simply not found. */
export function parseClearanceId(raw: string | undefined): string {
  const parsed = clearanceIdSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("not_found", "No such clearance.");
  return parsed.data;
}

/** GET /api/v1/briefings/:id/clearances */
export async function apiListClearances(db: Db, caller: ApiCaller, briefingId: string, now = new Date()) {
  return listClearances(db, caller.actor, briefingId, now);
}

/** POST /api/v1/briefings/:id/clearances */
export async function apiRequestClearance(db: Db, caller: ApiCaller, briefingId: string, input: RequestClearanceInput) {
  const clearance = await requestClearance(db, caller.actor, briefingId, input, new Date());
  await auditApiWrite(db, caller, { action: "clearance.request", target: clearance.id });
  return { clearance };
}

/** POST /api/v1/clearances/:id/answers */
export async function apiAnswerClearance(db: Db, caller: ApiCaller, clearanceId: string, input: AnswerClearanceInput) {
  const clearance = await answerClearance(db, caller.actor, clearanceId, input, new Date());
  await auditApiWrite(db, caller, { action: "clearance.answer", target: clearanceId });
  return { clearance };
}

/** POST /api/v1/clearances/:id/finalize */
export async function apiFinalizeClearance(db: Db, caller: ApiCaller, clearanceId: string, dissent?: string) {
  const clearance = await finalizeClearance(db, caller.actor, clearanceId, dissent, new Date());
  await auditApiWrite(db, caller, { action: "clearance.finalize", target: clearanceId });
  return { clearance };
}

/** POST /api/v1/clearances/:id/release */
export async function apiReleaseClearance(db: Db, caller: ApiCaller, clearanceId: string) {
  const clearance = await releaseClearance(db, caller.actor, clearanceId, new Date());
  await auditApiWrite(db, caller, { action: "clearance.release", target: clearanceId });
  return { clearance };
}

/** POST /api/v1/clearances/:id/withdraw */
export async function apiWithdrawClearance(db: Db, caller: ApiCaller, clearanceId: string) {
  const clearance = await withdrawClearance(db, caller.actor, clearanceId, new Date());
  await auditApiWrite(db, caller, { action: "clearance.withdraw", target: clearanceId });
  return { clearance };
}
