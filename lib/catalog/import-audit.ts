import type { Db } from "@/lib/db";
import { recordChange } from "./audit";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** Who imports, for the catalog history: a script name (there is no user) and the file. */
export type ImportOrigin = { importedBy: string; file: string };

export type ImportAudit = {
  origin: ImportOrigin;
  counts: { frameworks: Record<string, number>; dimensions: Record<string, number> };
  frameworks: { slug: string; action: "create" | "update" }[];
  redefined: { key: string; valueType: string; options: string[]; before: { valueType: string; options: string[] } }[];
};

/**
 * Records an import in the catalog history inside its transaction: one row for the import itself
 * (file and counts), one per framework it created or replaced (shown in that framework's history)
 * and one per dimension it redefined (before/after definition).
 */
export async function recordImport(tx: Tx, audit: ImportAudit): Promise<void> {
  const by = audit.origin;
  await recordChange(tx, {
    frameworkSlug: null,
    entity: "import",
    entityKey: by.file,
    action: "create",
    before: null,
    after: { ...by, ...audit.counts },
    userId: null,
  });
  for (const f of audit.frameworks) {
    await recordChange(tx, {
      frameworkSlug: f.slug,
      entity: "framework",
      entityKey: "import",
      action: f.action,
      before: null,
      after: by,
      userId: null,
    });
  }
  for (const d of audit.redefined) {
    await recordChange(tx, {
      frameworkSlug: null,
      entity: "dimension",
      entityKey: d.key,
      action: "update",
      before: d.before,
      after: { valueType: d.valueType, options: d.options, ...by },
      userId: null,
    });
  }
}
