import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ExportFormat } from "@/lib/export";
import { serveExport } from "@/lib/export/serve";
import type { BlockRef } from "@/lib/versions/restore";
import { versionIdSchema } from "@/lib/versions/schema";
import {
  diffVersions,
  getVersion,
  listVersions,
  nameVersion,
  proposeVersionChanges,
  restoreVersion,
} from "@/lib/versions/service";
import { auditApiWrite } from "./audit";
import type { ApiCaller } from "./caller";

// A rendered document opened from this origin still cannot run anything (as for /content).
const SANDBOX = "sandbox; default-src 'none'; style-src 'unsafe-inline'";
const NO_STORE = { "Cache-Control": "private, no-store" };

/** A version id from the path; a malformed one is simply not found. */
export function parseVersionId(raw: string | undefined): string {
  const parsed = versionIdSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("not_found", "No such version.");
  return parsed.data;
}

/** GET /api/v1/briefings/:id/versions */
export async function apiListVersions(db: Db, caller: ApiCaller, briefingId: string) {
  return { versions: await listVersions(db, caller.actor, briefingId) };
}

/** POST /api/v1/briefings/:id/versions `{ name }` */
export async function apiNameVersion(db: Db, caller: ApiCaller, briefingId: string, name: string) {
  const version = await nameVersion(db, caller.actor, briefingId, name);
  await auditApiWrite(db, caller, { action: "version.name", target: version.id });
  return { version };
}

/** GET /api/v1/briefings/:id/versions/:vid/content?format=md|json */
export async function apiVersionContent(
  db: Db,
  caller: ApiCaller,
  briefingId: string,
  versionId: string,
  format: "md" | "json",
): Promise<Response> {
  const { version, content } = await getVersion(db, caller.actor, briefingId, versionId);
  if (format === "json") return Response.json({ id: briefingId, version, content }, { headers: NO_STORE });
  const file = await versionFile(db, briefingId, version.id, "md");
  return new Response(new Uint8Array(file.body), {
    headers: { ...NO_STORE, "Content-Type": file.contentType, "Content-Security-Policy": SANDBOX },
  });
}

/** GET /api/v1/briefings/:id/versions/:vid/export?format=pdf|docx|md|html: a version as a download. */
export async function apiVersionExport(
  db: Db,
  caller: ApiCaller,
  briefingId: string,
  versionId: string,
  format: ExportFormat,
): Promise<Response> {
  // getVersion checks read rights and that the version exists (404 otherwise).
  const { version } = await getVersion(db, caller.actor, briefingId, versionId);
  const file = await versionFile(db, briefingId, version.id, format);
  return new Response(new Uint8Array(file.body), {
    headers: {
      ...NO_STORE,
      "Content-Type": file.contentType,
      "Content-Disposition": file.contentDisposition,
      "Content-Length": String(file.body.length),
      "Content-Security-Policy": SANDBOX,
    },
  });
}

/** A version as a file, with the clearance of that version (callers checked read rights). */
async function versionFile(db: Db, briefingId: string, versionId: string, format: ExportFormat) {
  const served = await serveExport(db, briefingId, format, { version: versionId, clearance: true });
  if (!served) throw new AppError("not_found", "No such briefing.");
  return served.file;
}

/** GET /api/v1/briefings/:id/diff?from=:vid&to=:vid|current */
export async function apiDiff(db: Db, caller: ApiCaller, briefingId: string, from: string, to: string) {
  return diffVersions(db, caller.actor, briefingId, from, to);
}

/** POST /api/v1/briefings/:id/diff/propose `{ from, to }` */
export async function apiProposeChanges(db: Db, caller: ApiCaller, briefingId: string, from: string, to: string) {
  const outcome = await proposeVersionChanges(db, caller.actor, briefingId, from, to);
  await auditApiWrite(db, caller, { action: "version.propose", target: `${from}..${to}` });
  return outcome;
}

/** POST /api/v1/briefings/:id/versions/:vid/restore `{ block? }` */
export async function apiRestoreVersion(
  db: Db,
  caller: ApiCaller,
  briefingId: string,
  versionId: string,
  block?: BlockRef,
) {
  const version = await restoreVersion(db, caller.actor, briefingId, versionId, block);
  await auditApiWrite(db, caller, { action: block ? "version.restore-block" : "version.restore", target: versionId });
  return { version };
}
