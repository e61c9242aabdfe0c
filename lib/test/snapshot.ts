import { createHash } from "node:crypto";
import { type Db, dbProvider } from "@/lib/db";

function jsonValue(_key: string, value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Uint8Array) return createHash("sha256").update(value).digest("hex");
  if (value && typeof value === "object" && (value as { type?: string }).type === "Buffer") {
    return createHash("sha256")
      .update(Uint8Array.from((value as { data: number[] }).data))
      .digest("hex");
  }
  return value;
}

/**
 * Every application table's row count and a fingerprint of its rows (order-independent), to show
 * that a request changed nothing. `except` names tables left out (e.g. rate-limit counters, which
 * must count bad attempts too).
 */
export async function tableSnapshot(db: Db, except: string[] = []): Promise<Record<string, string>> {
  const tables =
    dbProvider(db) === "sqlite"
      ? await db.$queryRawUnsafe<{ name: string }[]>(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_%' ESCAPE '\\'",
        )
      : await db.$queryRawUnsafe<{ name: string }[]>(
          "SELECT tablename::text AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename NOT LIKE '\\_%'",
        );
  const snapshot: Record<string, string> = {};
  for (const { name } of tables.sort((a, b) => a.name.localeCompare(b.name))) {
    if (except.includes(name)) continue;
    const rows = await db.$queryRawUnsafe<unknown[]>(`SELECT * FROM "${name}"`);
    const lines = rows.map((row) => JSON.stringify(row, jsonValue)).sort();
    snapshot[name] = `${rows.length} rows, ${createHash("sha256").update(lines.join("\n")).digest("hex").slice(0, 16)}`;
  }
  return snapshot;
}
