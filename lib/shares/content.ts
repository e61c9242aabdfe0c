import { createHash } from "node:crypto";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { loadExportDocument } from "@/lib/export/document";
import type { ExportDocument } from "@/lib/export/types";
import { resolveShareToken, type ShareResolution } from "./queries";

export type SharedDocument = { version: string; document: ExportDocument };

/** The one message every dead link shows: it does not say whether the link ever existed. */
export const INVALID_LINK_MESSAGE = "This link is no longer valid.";

/** A short fingerprint of a document: the share page's poll sends it back to skip unchanged content. */
export function documentVersion(document: ExportDocument): string {
  return createHash("sha256").update(JSON.stringify(document)).digest("base64url").slice(0, 22);
}

/** An AppError for a token that opens nothing: 404 for an unknown token, 410 for one that worked once. */
export function invalidShareError(resolution: Extract<ShareResolution, { ok: false }>): AppError {
  return new AppError(resolution.reason === "unknown" ? "not_found" : "gone", INVALID_LINK_MESSAGE, {
    reason: resolution.reason,
  });
}

/** Checks a share token and loads the briefing it opens, as the export model (read-only view). */
export async function loadSharedDocument(db: Db, token: string): Promise<SharedDocument> {
  const resolution = await resolveShareToken(db, token);
  if (!resolution.ok) throw invalidShareError(resolution);
  const document = await loadExportDocument(db, resolution.briefingId);
  if (!document) throw invalidShareError({ ok: false, reason: "deleted" });
  return { version: documentVersion(document), document };
}
