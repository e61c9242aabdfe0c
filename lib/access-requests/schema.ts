import { z } from "zod";
import { briefingId } from "@/lib/briefings/schema";

/** The longest note a requester may add ("I'm on the Baltic desk, need it for Monday"). */
export const ACCESS_REQUEST_MESSAGE_MAX = 500;

/**
 * How many unanswered requests one user may have at a time: enough for real work, too few to spam
 * owners across many briefings (each briefing takes one request per user anyway).
 */
export const MAX_PENDING_REQUESTS_PER_USER = 10;

const requestId = z.string().trim().min(1, "request id is required").max(64);

export const requestAccessSchema = z.object({
  briefingId,
  message: z
    .string()
    .trim()
    .max(ACCESS_REQUEST_MESSAGE_MAX, `Keep the message under ${ACCESS_REQUEST_MESSAGE_MAX} characters.`)
    .optional()
    .transform((v) => v ?? ""),
});

export const approveAccessRequestSchema = z.object({
  briefingId,
  requestId,
  role: z.enum(["viewer", "commenter", "editor"], "Choose viewer, commenter or editor."),
});

export const declineAccessRequestSchema = z.object({ briefingId, requestId });
