import { actorFromRequest } from "@/lib/auth/actor";
import { authorize, isShareLink } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { EXPORT_FORMATS, type ExportFormat } from "./types";

/** The `format` query parameter, or a 400 naming the accepted values. */
export function parseExportFormat(value: string | null): ExportFormat {
  if (value && (EXPORT_FORMATS as readonly string[]).includes(value)) return value as ExportFormat;
  throw new AppError("bad_request", `Unknown export format. Use ?format=${EXPORT_FORMATS.join("|")}.`, [
    { param: "format", message: value ? `"${value.slice(0, 20)}" is not a format` : "is required" },
  ]);
}

/**
 * May this request export the briefing? The same decision as opening it, for whoever asks: the
 * session's user, or the share link named by `share` (the share page's downloads, no sign-in; a
 * link to another briefing is refused like an unknown one and its use is not recorded).
 * Returns the share link used, if any (anonymous exports are rate-limited per link).
 */
export async function authorizeExport(
  db: Db,
  request: { briefingId: string; headers: Headers; shareToken: string | null },
): Promise<{ shareLinkId: string | null }> {
  const actor = await actorFromRequest(db, request);
  await authorize(db, actor, { action: "briefing:read", briefingId: request.briefingId });
  return { shareLinkId: isShareLink(actor) ? actor.linkId : null };
}
