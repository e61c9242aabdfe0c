import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChangeHistory } from "@/components/catalog/change-history";
import { SourceList } from "@/components/catalog/source-list";
import { ValueFlags } from "@/components/catalog/value-flags";
import { can } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { listCatalogChanges } from "@/lib/catalog/audit";
import { KINDS, MEMBER_STATUSES, REGIONS, ROLES, STATUSES } from "@/lib/catalog/constants";
import { valueFlags } from "@/lib/catalog/flags";
import { formatDate } from "@/lib/catalog/format";
import { getFramework, listDimensions } from "@/lib/catalog/queries";
import { slugSchema } from "@/lib/catalog/schema";
import { getDb } from "@/lib/db";

export const dynamic = "force-dynamic";

type Params = Promise<{ slug: string }>;

async function load(params: Params) {
  const { slug } = await params;
  if (!slugSchema.safeParse(slug).success) notFound();
  const framework = await getFramework(getDb(), slug);
  if (!framework) notFound();
  return framework;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { slug } = await params;
  const framework = slugSchema.safeParse(slug).success ? await getFramework(getDb(), slug) : null;
  return { title: framework ? framework.name : "Framework not found" };
}

export default async function FrameworkPage({ params }: { params: Params }) {
  const f = await load(params);
  const db = getDb();
  const [editor, history, dimensions] = await Promise.all([
    getCurrentUser().then((user) => can(db, user, { action: "catalog:edit" })),
    listCatalogChanges(db, f.slug),
    listDimensions(db),
  ]);
  // Stale values are flagged to catalog editors, who review them; readers see the as-of date.
  const today = editor ? new Date().toISOString().slice(0, 10) : undefined;
  const current = f.members.filter((m) => !m.left || (f.ended && m.left >= f.ended));
  const former = f.members.filter((m) => !current.includes(m));
  const facts: [string, string | null][] = [
    ["Kind", KINDS[f.kind]],
    ["Region", REGIONS[f.region]],
    ["Status", STATUSES[f.status]],
    ["Founded (signed)", formatDate(f.founded)],
    ["In force", formatDate(f.inForce)],
    ["Ended", f.ended ? formatDate(f.ended) : null],
    ["Headquarters", f.headquarters],
    ["Legal basis", f.legalBasis],
  ];

  return (
    <article className="detail">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/frameworks">Frameworks</Link> <span aria-hidden="true">/</span> <span>{f.acronym ?? f.name}</span>
      </nav>
      <header className="detail__header">
        <h1>
          {f.name}
          {f.acronym && f.acronym !== f.name ? <span className="detail__acronym"> ({f.acronym})</span> : null}
        </h1>
        <span className={`badge badge--${f.status}`}>{STATUSES[f.status]}</span>
        {editor ? (
          <Link className="button button--secondary" href={`/frameworks/${f.slug}/edit`}>
            Edit framework
          </Link>
        ) : null}
      </header>
      <p className="lede">{f.summary}</p>

      <section aria-labelledby="facts-heading" className="detail__section">
        <h2 id="facts-heading">Key facts</h2>
        <dl className="facts facts--wide">
          {facts
            .filter(([, v]) => v)
            .map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
        </dl>
      </section>

      <section aria-labelledby="members-heading" className="detail__section">
        <h2 id="members-heading">
          Members and partners <span className="count">({f.members.length})</span>
        </h2>
        <MemberTable caption={f.status === "defunct" ? "Members at dissolution" : "Current"} members={current} />
        {former.length ? <MemberTable caption="Former" members={former} /> : null}
      </section>

      <section aria-labelledby="values-heading" className="detail__section">
        <h2 id="values-heading">Dimensions</h2>
        {f.groups.length === 0 ? <p className="empty-state">No cited values yet.</p> : null}
        {f.groups.map((g) => (
          <section key={g.group} aria-labelledby={`group-${g.group}`} className="dimension-group">
            <h3 id={`group-${g.group}`}>{g.group}</h3>
            <dl className="dimensions">
              {g.attributes.map((a) => (
                <div key={a.key} className="dimension" data-testid={`dimension-${a.key}`}>
                  <dt>{a.label}</dt>
                  <dd>
                    <span className={`value value--${a.valueType}`}>{a.display}</span>
                    {a.asOf ? <span className="muted"> (as of {formatDate(a.asOf)})</span> : null}
                    <ValueFlags flags={valueFlags(a, today)} />
                    {a.note ? <p className="dimension__note">{a.note}</p> : null}
                    <SourceList sources={a.sources} />
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </section>
      <section aria-labelledby="history-heading" className="detail__section">
        <h2 id="history-heading">History</h2>
        <ChangeHistory
          changes={history}
          canRevert={editor}
          dimensions={Object.fromEntries(dimensions.map((d) => [d.key, { label: d.label, valueType: d.valueType }]))}
        />
      </section>
      <p className="muted">Last updated {f.updatedAt.slice(0, 10)}.</p>
    </article>
  );
}

function MemberTable({ caption, members }: { caption: string; members: Awaited<ReturnType<typeof load>>["members"] }) {
  if (members.length === 0) return null;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Country</th>
            <th scope="col">Role</th>
            <th scope="col">Joined</th>
            <th scope="col">Left</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={`${m.country}-${m.joined}-${m.role}`}>
              <th scope="row">
                {m.countryName} <span className="muted">{m.country}</span>
              </th>
              <td>{ROLES[m.role]}</td>
              <td>{formatDate(m.joined)}</td>
              <td>{m.left ? formatDate(m.left) : "—"}</td>
              <td data-testid={`member-status-${m.country}`}>
                {m.status === "active"
                  ? MEMBER_STATUSES.active
                  : `${MEMBER_STATUSES[m.status]} since ${formatDate(m.statusSince)}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
