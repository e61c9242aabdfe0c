import { createHash } from "node:crypto";
import { shareLinkActor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db";
import { loadExportDocument } from "@/lib/export/document";
import { acceptedView } from "@/lib/export/suggestions";
import type { ExportDocument } from "@/lib/export/types";
import { invalidShareError } from "./queries";

export { INVALID_LINK_MESSAGE, invalidShareError } from "./queries";

/**
 * What a share link shows. `frozen`: the link is bound to a version, the page shows it as of that
 * version (no live updates); null for a link to the live document.
 */
export type SharedDocument = { version: string; document: ExportDocument; frozen: { label: string } | null };

/**
 * A short fingerprint of a document: the share page's poll sends it back to skip unchanged content.
 * The time it was read (`exportedAt`) is not content: it must not make every poll a change.
 */
export function documentVersion(document: ExportDocument): string {
  const { exportedAt: _time, ...content } = document;
  return createHash("sha256").update(JSON.stringify(content)).digest("base64url").slice(0, 22);
}

/**
 * Loads the briefing a share token opens, as the export model (read-only view). The link is an
 * actor like any user: the same `authorize` decides, and embeds follow the briefing's embed rule.
 */
export async function loadSharedDocument(db: Db, token: string): Promise<SharedDocument> {
  const actor = await shareLinkActor(db, token);
  // A link to a version reads that version, never the live document (can() refuses otherwise).
  const versionId = actor.versionId ?? undefined;
  await authorize(db, actor, { action: "briefing:read", briefingId: actor.briefingId, versionId });
  const loaded = await loadExportDocument(db, actor.briefingId, { version: versionId });
  if (!loaded) throw invalidShareError({ ok: false, reason: "deleted" });
  // Share links show the text as if pending suggestions were accepted (the default of exports).
  const document = acceptedView(loaded);
  return { version: documentVersion(document), document, frozen: versionId ? { label: loaded.date } : null };
}
