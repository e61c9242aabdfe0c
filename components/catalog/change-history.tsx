import type { CatalogChangeView } from "@/lib/catalog/audit";
import { type DimensionLabel, describeChange } from "@/lib/catalog/history-labels";
import { RevertButton } from "./revert-button";

export type ChangeHistoryProps = {
  changes: CatalogChangeView[];
  dimensions: Record<string, DimensionLabel>;
  /** Catalog editors may revert entries. */
  canRevert: boolean;
};

/** Who changed what and when, with labelled before and after values; editors can revert an entry. */
export function ChangeHistory({ changes, dimensions, canRevert }: ChangeHistoryProps) {
  if (changes.length === 0) return <p className="muted">No edits since this framework was imported.</p>;
  return (
    <ol className="history" aria-label="Change history">
      {changes.map((c) => {
        const d = describeChange(c, dimensions);
        const revertable =
          canRevert && !c.reverted && c.entity !== "dimension" && !(c.entity === "framework" && c.action === "create");
        return (
          <li key={c.id} className="history__item" data-testid="history-item">
            <p>
              <strong>{c.userName}</strong> {d.verb} <strong>{d.what}</strong>{" "}
              <time dateTime={c.createdAt} className="muted">
                {c.createdAt.slice(0, 16).replace("T", " ")} UTC
              </time>
              {c.reverted ? <span className="muted"> · reverted</span> : null}{" "}
              {revertable ? <RevertButton changeId={c.id} what={d.what} /> : null}
            </p>
            <dl className="history__diff">
              {c.action !== "create" ? (
                <div>
                  <dt>Before</dt>
                  <dd>{d.before}</dd>
                </div>
              ) : null}
              {c.action !== "delete" ? (
                <div>
                  <dt>After</dt>
                  <dd>{d.after}</dd>
                </div>
              ) : null}
            </dl>
          </li>
        );
      })}
    </ol>
  );
}
