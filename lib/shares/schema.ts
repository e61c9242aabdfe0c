import { z } from "zod";
import { briefingId } from "@/lib/briefings/schema";

/** Expiry choices the UI offers (days); the action accepts any whole number of days up to a year. */
export const SHARE_EXPIRY_CHOICES = [1, 7, 30, 90] as const;
export const MAX_SHARE_DAYS = 365;

const expiresInDays = z.preprocess(
  (value) => (value === "" || value === null ? undefined : value),
  z.coerce
    .number()
    .int("Pick a whole number of days.")
    .min(1, "A link lasts at least one day.")
    .max(MAX_SHARE_DAYS, `A link lasts at most ${MAX_SHARE_DAYS} days.`)
    .optional(),
);

export const createShareLinkSchema = z.object({ briefingId, expiresInDays });
export const revokeShareLinkSchema = z.object({ briefingId, linkId: z.string().trim().min(1).max(64) });

/** A share token as issued: 32 random bytes in base64url (43 characters). */
export const shareTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
