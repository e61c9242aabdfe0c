import { z } from "zod";
import { briefingId } from "@/lib/briefings/schema";
import { versionIdSchema } from "@/lib/versions/schema";

/** Expiry choices the UI offers (days); the action accepts any whole number of days up to a year. */
export const SHARE_EXPIRY_CHOICES = [1, 7, 30, 90] as const;
export const MAX_SHARE_DAYS = 365;

// Forms send the days as text: numeric text becomes a number, anything else (booleans, lists,
// words) stays as it is and is refused, where z.coerce would turn true into 1 and [30] into 30.
const expiresInDays = z.preprocess((value) => {
  if (value === "" || value === null) return undefined;
  if (typeof value === "string" && /^\s*\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return value;
}, z
  .number("Pick a number of days.")
  .int("Pick a whole number of days.")
  .min(1, "A link lasts at least one day.")
  .max(MAX_SHARE_DAYS, `A link lasts at most ${MAX_SHARE_DAYS} days.`)
  .optional());

// A checkbox sends "on" when ticked and nothing otherwise; the API-style boolean works too.
const withComments = z.preprocess(
  (value) => (value === "on" || value === "true" ? true : value),
  z.boolean().optional(),
);

// A link to one version of the briefing (a form sends "" for the live document).
const versionId = z.preprocess(
  (value) => (value === "" || value === null ? undefined : value),
  versionIdSchema.optional(),
);

export const createShareLinkSchema = z.object({ briefingId, expiresInDays, withComments, versionId });
export const revokeShareLinkSchema = z.object({ briefingId, linkId: z.string().trim().min(1).max(64) });

/** A share token as issued: 32 random bytes in base64url (43 characters). */
export const shareTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
