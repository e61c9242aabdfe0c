import type { Metadata } from "next";
import Link from "next/link";
import { ChangeDiff } from "@/components/catalog/change-diff";
import { listChangesQuery } from "@/lib/catalog/alerts/schema";
import { listCatalogFeed } from "@/lib/catalog/change-feed";
import { getDb } from "@/lib/db";

export const dynamic = "force-dynamic";
export const metadata: Metadata = {
  title: "Catalog changes",
  alternates: { types: { "application/atom+xml": "/frameworks/changes/feed.atom" } },
};

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Every catalog change, newest first, a page at a time (public, like the catalog's history). */
export default async function CatalogChangesPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = Object.fromEntries(
    Object.entries(await searchParams).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : [])),
  );
  const parsed = listChangesQuery.safeParse(raw);
  const query = parsed.success ? parsed.data : {};
  const page = await listCatalogFeed(getDb(), query);
  const next = page.nextCursor
    ? `?${new URLSearchParams({ ...(query.framework ? { framework: query.framework } : {}), cursor: page.nextCursor })}`
    : null;
  return (
    <>
      <div className="page-header">
        <h1>Catalog changes</h1>
        <p className="lede">
          Every edit to the framework catalog, newest first, with the old and the new value and their sources.{" "}
          <a href={`/frameworks/changes/feed.atom${query.framework ? `?framework=${query.framework}` : ""}`}>
            Atom feed
          </a>
        </p>
        {!parsed.success ? (
          <p className="notice" role="status">
            Ignored invalid parameters.
          </p>
        ) : null}
        {query.framework ? (
          <p>
            Changes to <Link href={`/frameworks/${query.framework}`}>{query.framework}</Link> only.{" "}
            <Link href="/frameworks/changes">All changes</Link>
          </p>
        ) : null}
      </div>
      {page.changes.length === 0 ? <p className="muted">No changes recorded.</p> : null}
      <ol className="history" aria-label="Catalog changes">
        {page.changes.map((c) => (
          <li key={c.id} className="history__item" data-testid="catalog-change">
            <p>
              {c.frameworkSlug ? <Link href={c.href}>{c.frameworkName}</Link> : <span>Catalog</span>}:{" "}
              <strong>{c.changedBy}</strong> {c.verb} <strong>{c.what}</strong>{" "}
              <time dateTime={c.createdAt} className="muted">
                {c.createdAt.slice(0, 16).replace("T", " ")} UTC
              </time>
            </p>
            {c.entity === "import" ? null : <ChangeDiff notice={c} action={c.action} />}
          </li>
        ))}
      </ol>
      {next ? (
        <p>
          <Link className="button button--secondary" href={`/frameworks/changes${next}`}>
            Older changes
          </Link>
        </p>
      ) : null}
    </>
  );
}
