import { z } from "zod";
import { VERSION_LIMITS, versionIdSchema } from "@/lib/versions/schema";
import { CLEARANCE_ANSWERS, CLEARANCE_MODES } from "./machine";

/** Budgets of clearance chains. */
export const CLEARANCE_LIMITS = {
  /** Clearers (people and teams) per request. */
  clearers: 20,
  /** Characters in an answer's comment, and in the lead's dissent. */
  commentLength: 4000,
  /** Clearances a briefing keeps in its history (each request, withdrawn or not, counts). */
  perBriefing: 200,
  /** How far ahead a deadline may be. */
  maxDueDays: 365,
} as const;

const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "not an id");

export const clearanceIdSchema = id;

/** One clearer: a user by e-mail, or a team by id. */
export const clearerSchema = z.union([
  z.strictObject({ email: z.email("not an e-mail address").max(320).toLowerCase() }),
  z.strictObject({ teamId: id }),
]);
export type ClearerInput = z.infer<typeof clearerSchema>;

const text = (what: string) =>
  z
    .string()
    .trim()
    .max(CLEARANCE_LIMITS.commentLength, `${what} can be at most ${CLEARANCE_LIMITS.commentLength} characters.`);

/**
 * POST /api/v1/briefings/:id/clearances body. `versionId: "current"` names the current text first,
 * as `versionName` when given (else "For clearance <time> UTC").
 */
export const requestClearanceBody = z.strictObject({
  versionId: z.union([z.literal("current"), versionIdSchema]),
  versionName: z
    .string()
    .trim()
    .min(1, "A version needs a name.")
    .max(VERSION_LIMITS.nameLength, `A version name can be at most ${VERSION_LIMITS.nameLength} characters.`)
    .optional(),
  clearers: z
    .array(clearerSchema)
    .min(1, "Name at least one clearer.")
    .max(CLEARANCE_LIMITS.clearers, `At most ${CLEARANCE_LIMITS.clearers} clearers per request.`),
  mode: z.enum(CLEARANCE_MODES),
  due: z.iso.datetime({ offset: true, message: "due must be an ISO 8601 date-time, e.g. 2026-03-01T17:00:00Z" }),
});
export type RequestClearanceInput = z.infer<typeof requestClearanceBody>;

/** POST /api/v1/clearances/:id/answers body. */
export const answerClearanceBody = z.strictObject({
  answer: z.enum(CLEARANCE_ANSWERS),
  comment: text("A comment").optional(),
});
export type AnswerClearanceInput = z.infer<typeof answerClearanceBody>;

/** POST /api/v1/clearances/:id/finalize body: the dissent is required unless every clearer concurred. */
export const finalizeClearanceBody = z.strictObject({ dissent: text("The dissent").optional() });

/** POST /api/v1/clearances/:id/release and /withdraw take an empty object. */
export const emptyBody = z.strictObject({});
