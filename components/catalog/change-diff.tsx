import type { ChangeNotice, NoticeSource } from "@/lib/catalog/alerts/describe";

function Sources({ sources }: { sources: NoticeSource[] }) {
  if (!sources.length) return null;
  return (
    <ul className="change-diff__sources">
      {sources.map((s) => (
        <li key={`${s.url} ${s.title}`}>
          <a href={s.url} rel="noreferrer noopener" target="_blank">
            {s.title}
          </a>
          {s.typeLabel ? <span className="muted"> ({s.typeLabel})</span> : null}
        </li>
      ))}
    </ul>
  );
}

/** Old -> new value of a catalog change, each with its sources: for the change feed and briefing notices. */
export function ChangeDiff({ notice, action }: { notice: ChangeNotice; action: string }) {
  return (
    <dl className="history__diff change-diff">
      {action !== "create" ? (
        <div>
          <dt>Old</dt>
          <dd data-testid="change-old">
            {notice.before}
            <Sources sources={notice.beforeSources} />
          </dd>
        </div>
      ) : null}
      {action !== "delete" ? (
        <div>
          <dt>New</dt>
          <dd data-testid="change-new">
            {notice.after}
            <Sources sources={notice.afterSources} />
          </dd>
        </div>
      ) : null}
    </dl>
  );
}
