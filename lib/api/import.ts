import { z } from "zod";
import { parseInput } from "@/lib/actions";
import { authorize } from "@/lib/auth/permissions";
import { createBriefing } from "@/lib/briefings/create";
import { importFile, MAX_IMPORT_BYTES, TRACKED_CHANGES_MODES, titleFromFileName } from "@/lib/briefings/import";
import { briefingTitle } from "@/lib/briefings/schema";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { auditApiWrite } from "./audit";
import { type ApiBriefing, apiGetBriefing } from "./briefings";
import type { ApiCaller } from "./caller";

const importFieldsSchema = z
  .object({
    title: z.union([briefingTitle, z.literal("")]).optional(),
    teamId: z.string().trim().max(64).optional(),
    /** A Word file's tracked changes: kept as suggestions (default), or all accepted or rejected. */
    trackedChanges: z.enum(TRACKED_CHANGES_MODES).optional(),
  })
  .strict();

/** Room for the multipart envelope around the file (boundaries, headers, the other fields). */
const ENVELOPE_BYTES = 64 * 1024;

/**
 * A multipart post rides the session cookie only from our own pages: unlike a JSON body, a form on
 * another site can send multipart without a preflight. Browsers say where a request comes from in
 * Sec-Fetch-Site (and Origin); token callers are not browsers and need no such check.
 */
function checkSameOrigin(request: Request, caller: ApiCaller): void {
  if (caller.tokenName !== null) return;
  const site = request.headers.get("sec-fetch-site");
  const origin = request.headers.get("origin");
  const host = request.headers.get("host");
  const sameOrigin =
    site === "same-origin" || (site === null && origin !== null && host !== null && new URL(origin).host === host);
  if (!sameOrigin) {
    throw new AppError("forbidden", "File uploads with the session cookie are accepted only from this site's pages.");
  }
}

async function readForm(request: Request): Promise<FormData> {
  const length = Number(request.headers.get("content-length"));
  if (!Number.isFinite(length) || length <= 0 || length > MAX_IMPORT_BYTES + ENVELOPE_BYTES) {
    throw new AppError("too_large", "Files up to 10 MB can be imported (send the upload with its Content-Length).");
  }
  try {
    return await request.formData();
  } catch {
    throw new AppError("bad_request", "The upload could not be read as multipart/form-data.", { file: ["unreadable"] });
  }
}

/**
 * POST /api/v1/briefings as multipart/form-data: creates a briefing from an uploaded Word or
 * Markdown file (`file`, optional `title`, `teamId` and `trackedChanges`). Nothing is created when the file is
 * refused; what was left out of an accepted file is listed in `import.notices`.
 */
export async function apiImportBriefing(
  db: Db,
  caller: ApiCaller,
  request: Request,
): Promise<ApiBriefing & { import: { notices: string[] } }> {
  checkSameOrigin(request, caller);
  const form = await readForm(request);
  const file = form.get("file");
  if (!(file instanceof File)) {
    throw new AppError("bad_request", "Attach the file to import as the `file` field.", { file: ["is required"] });
  }
  const fields = parseInput(importFieldsSchema, {
    ...(form.has("title") ? { title: String(form.get("title")) } : {}),
    ...(form.get("teamId") ? { teamId: String(form.get("teamId")) } : {}),
    ...(form.has("trackedChanges") ? { trackedChanges: String(form.get("trackedChanges")) } : {}),
  });
  const teamId = fields.teamId || null;
  await authorize(db, caller.actor, { action: "briefing:create", teamId });
  const { content, notices } = await importFile(
    { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
    fields.trackedChanges,
  );
  const title = fields.title || titleFromFileName(file.name);
  const { id } = await db.$transaction(async (tx) => {
    const created = await createBriefing(tx, { title, ownerId: caller.actor.id, teamId, template: "blank", content });
    await auditApiWrite(tx, caller, { action: "briefing.import", target: created.id });
    return created;
  });
  return { ...(await apiGetBriefing(db, caller, id)), import: { notices } };
}
