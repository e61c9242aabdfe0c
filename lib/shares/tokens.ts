import { createHash, randomBytes } from "node:crypto";
import { appUrl } from "@/lib/auth/auth";

/** A new unguessable share token (256 random bits, base64url). Shown once, never stored. */
export function newShareToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What the database keeps of a token: its SHA-256, hex. A leaked table does not leak working links. */
export function hashShareToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** The public URL of a share link. */
export function shareUrl(token: string): string {
  return `${appUrl()}/share/${token}`;
}
