import { actorFromRequest } from "@/lib/auth/actor";
import { authorize, isShareLink } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { EXPORT_FORMATS, type ExportFormat, PAGE_SIZES, type PageSize, type RenderOptions } from "./types";

/** The `format` query parameter, or a 400 naming the accepted values. */
export function parseExportFormat(value: string | null): ExportFormat {
  if (value && (EXPORT_FORMATS as readonly string[]).includes(value)) return value as ExportFormat;
  throw new AppError("bad_request", `Unknown export format. Use ?format=${EXPORT_FORMATS.join("|")}.`, [
    { param: "format", message: value ? `"${value.slice(0, 20)}" is not a format` : "is required" },
  ]);
}

const TOC_VALUES = { auto: "auto", on: true, off: false } as const;

/**
 * The options of a download: `pageSize=a4|letter` (PDF, default a4), `toc=auto|on|off`
 * (PDF, DOCX, HTML; default auto: a table of contents from three headings on),
 * `suggestions=accepted|shown` (default accepted: pending suggestions printed as if accepted, with a
 * note, or shown as redlines; lib/export/suggestions.ts), `releaseTo=<code>` (a release copy;
 * authorizeRelease) and `comments=0|1` (default 0; with 1 authorizeExport also requires
 * briefing:read-comments). A 400 naming the accepted values for anything else.
 */
export function parseRenderOptions(params: URLSearchParams): RenderOptions {
  const options: RenderOptions = {};
  const pageSize = params.get("pageSize");
  if (pageSize !== null) {
    if (!(PAGE_SIZES as readonly string[]).includes(pageSize)) {
      throw new AppError("bad_request", `Unknown page size. Use ?pageSize=${PAGE_SIZES.join("|")}.`, [
        { param: "pageSize", message: `"${pageSize.slice(0, 20)}" is not a page size` },
      ]);
    }
    options.pageSize = pageSize as PageSize;
  }
  const toc = params.get("toc");
  if (toc !== null) {
    if (!Object.hasOwn(TOC_VALUES, toc)) {
      throw new AppError("bad_request", "Unknown table-of-contents setting. Use ?toc=auto|on|off.", [
        { param: "toc", message: `"${toc.slice(0, 20)}" is not auto, on or off` },
      ]);
    }
    options.toc = TOC_VALUES[toc as keyof typeof TOC_VALUES];
  }
  const suggestions = params.get("suggestions");
  if (suggestions !== null) {
    if (suggestions !== "accepted" && suggestions !== "shown") {
      throw new AppError("bad_request", "Unknown suggestions setting. Use ?suggestions=accepted|shown.", [
        { param: "suggestions", message: `"${suggestions.slice(0, 20)}" is not accepted or shown` },
      ]);
    }
    options.suggestions = suggestions;
  }
  const releaseTo = params.get("releaseTo");
  if (releaseTo !== null) {
    if (!RELEASE_CODE.test(releaseTo)) {
      throw new AppError("bad_request", "releaseTo is a country or group code such as GBR or FVEY.", [
        { param: "releaseTo", message: `"${releaseTo.slice(0, 20)}" is not a code` },
      ]);
    }
    options.releaseTo = releaseTo;
  }
  const comments = params.get("comments");
  if (comments !== null) {
    if (comments !== "0" && comments !== "1") {
      throw new AppError("bad_request", "Unknown comments setting. Use ?comments=0|1.", [
        { param: "comments", message: `"${comments.slice(0, 20)}" is not 0 or 1` },
      ]);
    }
    if (comments === "1") options.comments = true;
  }
  return options;
}

/** A country or group code as marking profiles spell them (lib/marking/profile-schema.ts). */
const RELEASE_CODE = /^[A-Z0-9][A-Z0-9-]{0,23}$/;

/**
 * A release copy (`releaseTo`) is a decision to hand the briefing to a partner: it needs
 * briefing:share (owners and editors), through can(); share links and viewers are refused.
 */
export async function authorizeRelease(
  db: Db,
  request: { briefingId: string; headers: Headers; shareToken: string | null },
) {
  const actor = await actorFromRequest(db, request);
  await authorize(db, actor, { action: "briefing:share", briefingId: request.briefingId });
}

/**
 * May this request export the briefing? The same decision as opening it, for whoever asks: the
 * session's user, or the share link named by `share` (the share page's downloads, no sign-in; a
 * link to another briefing is refused like an unknown one and its use is not recorded).
 * With `comments`, the actor must also be allowed to read the comment threads (403 for users; 404
 * for a share link not created "with comments", which opens nothing beyond what it shows).
 * Returns the share link used, if any (anonymous exports are rate-limited per link), and the
 * version it is bound to: such a link exports that version, never the live document.
 */
export async function authorizeExport(
  db: Db,
  request: { briefingId: string; headers: Headers; shareToken: string | null; comments?: boolean },
): Promise<{ shareLinkId: string | null; versionId: string | null }> {
  const actor = await actorFromRequest(db, request);
  const versionId = isShareLink(actor) ? actor.versionId : null;
  const read = { briefingId: request.briefingId, versionId: versionId ?? undefined };
  await authorize(db, actor, { action: "briefing:read", ...read });
  // With comments: only who may read them (a share link only when created "with comments").
  if (request.comments) await authorize(db, actor, { action: "briefing:read-comments", ...read });
  return { shareLinkId: isShareLink(actor) ? actor.linkId : null, versionId };
}
