import { authorize } from "@/lib/auth/permissions";
import { getUserFromHeaders } from "@/lib/auth/user";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { invalidShareError } from "@/lib/shares/content";
import { resolveShareToken } from "@/lib/shares/queries";
import { EXPORT_FORMATS, type ExportFormat } from "./types";

/** The `format` query parameter, or a 400 naming the accepted values. */
export function parseExportFormat(value: string | null): ExportFormat {
  if (value && (EXPORT_FORMATS as readonly string[]).includes(value)) return value as ExportFormat;
  throw new AppError("bad_request", `Unknown export format. Use ?format=${EXPORT_FORMATS.join("|")}.`, [
    { param: "format", message: value ? `"${value.slice(0, 20)}" is not a format` : "is required" },
  ]);
}

/**
 * May this request export the briefing? Either a share token for this very briefing (the share
 * page's downloads, no sign-in) or a session whose user may read it, the same check as opening it.
 * Returns the share link used, if any (anonymous exports are rate-limited per link).
 */
export async function authorizeExport(
  db: Db,
  request: { briefingId: string; headers: Headers; shareToken: string | null },
): Promise<{ shareLinkId: string | null }> {
  if (request.shareToken !== null) {
    // A link to another briefing is refused like an unknown one (and its use is not recorded).
    const resolution = await resolveShareToken(db, request.shareToken, new Date(), request.briefingId);
    if (!resolution.ok) throw invalidShareError(resolution);
    return { shareLinkId: resolution.linkId };
  }
  const user = await getUserFromHeaders(request.headers, db);
  await authorize(db, user, { action: "briefing:read", briefingId: request.briefingId });
  return { shareLinkId: null };
}
