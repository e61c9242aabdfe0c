import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { authSecret } from "@/lib/auth/secret";

// The prefix makes a leaked secret recognisable (secret scanners, logs).
const SECRET_PREFIX = "whsec_";
const SHOWN_PREFIX_LENGTH = SECRET_PREFIX.length + 4;
const VERSION = "v1";

/** A new signing secret and the prefix shown in lists. */
export function newWebhookSecret(): { secret: string; prefix: string } {
  const secret = SECRET_PREFIX + randomBytes(24).toString("base64url");
  return { secret, prefix: secret.slice(0, SHOWN_PREFIX_LENGTH) };
}

function key(): Buffer {
  // A key of its own, derived from the app secret: a leaked database alone does not sign deliveries.
  return Buffer.from(hkdfSync("sha256", authSecret(), "briefing-editor", "webhook-secrets", 32));
}

/** Encrypts a signing secret for storage (AES-256-GCM). */
export function sealWebhookSecret(secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const data = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), data]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

/**
 * Decrypts a stored signing secret; null when it cannot be read (the app secret changed since the
 * webhook was created: the webhook must then be recreated).
 */
export function openWebhookSecret(sealed: string): string | null {
  const [version, iv, tag, data] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || !data) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
