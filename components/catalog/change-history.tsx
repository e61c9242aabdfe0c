import type { CatalogChangeView } from "@/lib/catalog/audit";

export type ChangeHistoryProps = { changes: CatalogChangeView[]; dimensionLabels: Record<string, string> };

function summarize(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (Array.isArray(value))
    return `${value.length} member(s): ${value.map((m) => (m as { country?: string }).country ?? "?").join(", ")}`;
  if (typeof value === "object") {
    const v = value as Record<string, unknown>;
    if ("value" in v && "sources" in v) {
      const sources = (v.sources as { title: string }[]).map((s) => s.title).join("; ");
      return `${String(v.value)}${v.note ? ` (${String(v.note)})` : ""} — sources: ${sources}`;
    }
    return Object.entries(v)
      .map(([k, x]) => `${k}: ${x === null ? "—" : String(x)}`)
      .join(", ");
  }
  return String(value);
}

/** Who changed what and when, with before and after values. */
export function ChangeHistory({ changes, dimensionLabels }: ChangeHistoryProps) {
  if (changes.length === 0) return <p className="muted">No edits since this framework was imported.</p>;
  return (
    <ol className="history" aria-label="Change history">
      {changes.map((c) => {
        const what =
          c.entity === "attribute"
            ? (dimensionLabels[c.entityKey] ?? c.entityKey)
            : c.entity === "member"
              ? "Members"
              : "Details";
        return (
          <li key={c.id} className="history__item" data-testid="history-item">
            <p>
              <strong>{c.userName}</strong>{" "}
              {c.action === "create" ? "added" : c.action === "delete" ? "deleted" : "changed"} <strong>{what}</strong>{" "}
              <time dateTime={c.createdAt} className="muted">
                {c.createdAt.slice(0, 16).replace("T", " ")} UTC
              </time>
            </p>
            <dl className="history__diff">
              {c.action !== "create" ? (
                <div>
                  <dt>Before</dt>
                  <dd>{summarize(c.before)}</dd>
                </div>
              ) : null}
              {c.action !== "delete" ? (
                <div>
                  <dt>After</dt>
                  <dd>{summarize(c.after)}</dd>
                </div>
              ) : null}
            </dl>
          </li>
        );
      })}
    </ol>
  );
}
