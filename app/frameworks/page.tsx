import type { Metadata } from "next";
import Link from "next/link";
import type { z } from "zod";
import { CatalogPager } from "@/components/catalog/catalog-pager";
import { CompareCheckbox, CompareSelection } from "@/components/catalog/compare-selection";
import { FrameworkCard } from "@/components/catalog/framework-card";
import { FrameworkFilters } from "@/components/catalog/framework-filters";
import { can } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { getCatalogFacets, listFrameworksPage } from "@/lib/catalog/queries";
import {
  type CatalogPaging,
  catalogPagingSchema,
  DEFAULT_PER_PAGE,
  type FrameworkFilters as Filters,
  frameworkFiltersSchema,
} from "@/lib/catalog/schema";
import { getDb } from "@/lib/db";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Frameworks" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

type Raw = Record<string, string | undefined>;

/** Parses `raw` with `schema`, keeping the valid parameters and naming the ones that were ignored. */
function readValid<T>(schema: z.ZodType<T>, raw: Raw): { value: T; invalid: string[] } {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { value: parsed.data, invalid: [] };
  const invalid = [...new Set(parsed.error.issues.map((i) => String(i.path[0])))];
  return {
    value: schema.parse(Object.fromEntries(Object.entries(raw).filter(([k]) => !invalid.includes(k)))),
    invalid,
  };
}

function readQuery(raw: Record<string, string | string[] | undefined>): {
  filters: Filters;
  paging: CatalogPaging;
  invalid: string[];
} {
  const flat = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  // Keep the valid parameters and name the ones that were ignored, instead of failing the page.
  const filters = readValid(frameworkFiltersSchema, flat);
  const paging = readValid(catalogPagingSchema, { page: flat.page, per: flat.per });
  return { filters: filters.value, paging: paging.value, invalid: [...filters.invalid, ...paging.invalid] };
}

export default async function FrameworksPage({ searchParams }: { searchParams: SearchParams }) {
  const { filters, paging, invalid } = readQuery(await searchParams);
  const db = getDb();
  const [{ frameworks, total, page, pages, per }, facets, editor] = await Promise.all([
    listFrameworksPage(db, filters, paging),
    getCatalogFacets(db),
    getCurrentUser().then((user) => can(db, user, { action: "catalog:edit" })),
  ]);
  const filtered = Object.values(filters).some(Boolean);
  const values = Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) as Record<string, string>;
  const query = new URLSearchParams(values).toString();

  return (
    <>
      <div className="page-header">
        <h1>Defence-cooperation frameworks</h1>
        <p className="lede">
          {facets.total} alliances, treaties, forums and programmes, each fact with its source.{" "}
          <Link href="/dimensions">How they are compared</Link>
        </p>
        {editor ? (
          <Link className="button button--secondary" href="/frameworks/new">
            New framework
          </Link>
        ) : null}
      </div>
      {/* No Suspense boundary: this page is rendered per request, so the form is in the first HTML
          above the list; a boundary streamed it after every card and it popped in late. */}
      <FrameworkFilters facets={facets} values={values} per={per === DEFAULT_PER_PAGE ? undefined : per} />
      {paging.page > pages ? (
        <p className="notice" role="status">
          There is no page {paging.page}; this is the last page, {pages}.
        </p>
      ) : null}
      {invalid.length ? (
        <p className="notice" role="status">
          Ignored invalid filter{invalid.length > 1 ? "s" : ""}: {invalid.join(", ")}.
        </p>
      ) : null}
      <p className="result-count" role="status" aria-live="polite" data-testid="result-count">
        {total === 1 ? "1 framework" : `${total} frameworks`}
        {filtered ? " match" : ""}
        {pages > 1 ? ` · page ${page} of ${pages}` : ""}
        {filtered ? (
          <>
            {" · "}
            <Link href="/frameworks">Clear filters</Link>
          </>
        ) : null}
        {total > 1 ? (
          <>
            {" · "}
            <Link href={`/compare?all=1&transpose=1${query ? `&${query}` : ""}`}>
              Compare {filtered ? "all matching" : "all"} side by side
            </Link>
          </>
        ) : null}
      </p>
      {frameworks.length === 0 ? (
        <div className="empty-state">
          <h2>No frameworks match</h2>
          <p>Try a shorter search, another spelling of the country, or fewer filters.</p>
          <Link className="button" href="/frameworks">
            Show all frameworks
          </Link>
        </div>
      ) : (
        <CompareSelection>
          <ul className="card-grid" aria-label="Frameworks">
            {frameworks.map((f) => (
              <li key={f.slug}>
                <FrameworkCard
                  framework={f}
                  headingLevel={2}
                  footer={<CompareCheckbox slug={f.slug} name={f.acronym ?? f.name} />}
                />
              </li>
            ))}
          </ul>
          <CatalogPager values={values} page={page} pages={pages} per={per} total={total} />
        </CompareSelection>
      )}
    </>
  );
}
