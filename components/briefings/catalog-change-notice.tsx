"use client";

import Link from "next/link";
import { ChangeDiff } from "@/components/catalog/change-diff";
import { FormStatus } from "@/components/ui/form-status";
import { useAction } from "@/components/ui/use-action";
import { dismissCatalogAlerts } from "@/lib/catalog/alerts/actions";
import type { CatalogAlertView } from "@/lib/catalog/alerts/queries";

export type CatalogChangeNoticeProps = {
  briefingId: string;
  alerts: CatalogAlertView[];
  /** More undismissed changes than `alerts` holds. */
  total: number;
  /** Whoever may edit the briefing dismisses notices (for everyone). */
  canDismiss: boolean;
};

const VIA: Record<string, string> = { card: "framework card", comparison: "embedded comparison" };

/**
 * The catalog changes a briefing's cards and comparisons cite since they were last reviewed: old
 * -> new with sources, a "Review" link to the framework's history and, for editors, "Dismiss".
 */
export function CatalogChangeNotice({ briefingId, alerts, total, canDismiss }: CatalogChangeNoticeProps) {
  const { run, pending, error } = useAction(dismissCatalogAlerts);
  if (alerts.length === 0) return null;
  return (
    <section
      id="catalog-changes"
      className="notice catalog-changes"
      aria-labelledby="catalog-changes-heading"
      data-testid="catalog-change-notice"
    >
      <header className="catalog-changes__header">
        <h2 id="catalog-changes-heading">
          The catalog changed {total === 1 ? "a value" : `${total} values`} this briefing cites
        </h2>
        {canDismiss && alerts.length > 1 ? (
          <button
            type="button"
            className="button button--small button--secondary"
            disabled={pending}
            onClick={() => run({ briefingId })}
          >
            Dismiss all
          </button>
        ) : null}
      </header>
      <ol className="history">
        {alerts.map((a) => (
          <li key={a.id} className="history__item" data-testid="catalog-change-alert">
            <p>
              <strong>{a.frameworkName}</strong> ({VIA[a.via] ?? a.via}): {a.changedBy} {a.verb}{" "}
              <strong>{a.what}</strong>{" "}
              <time dateTime={a.changedAt} className="muted">
                {a.changedAt.slice(0, 16).replace("T", " ")} UTC
              </time>
            </p>
            <ChangeDiff
              notice={a}
              action={a.verb === "added" ? "create" : a.verb === "deleted" ? "delete" : "update"}
            />
            <p className="catalog-changes__actions">
              <Link className="button button--small" href={`/frameworks/${a.frameworkSlug}#history-heading`}>
                Review
              </Link>
              {canDismiss ? (
                <button
                  type="button"
                  className="button button--small button--secondary"
                  disabled={pending}
                  aria-label={`Dismiss the change to ${a.what} of ${a.frameworkName}`}
                  onClick={() => run({ briefingId, ids: [a.id] })}
                >
                  Dismiss
                </button>
              ) : null}
            </p>
          </li>
        ))}
      </ol>
      {total > alerts.length ? (
        <p className="muted">
          {total - alerts.length} older changes are not shown; see{" "}
          <Link href="/frameworks/changes">catalog changes</Link>.
        </p>
      ) : null}
      <FormStatus error={error} />
    </section>
  );
}
