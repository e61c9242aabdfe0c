import Link from "next/link";
import { pageNumbers } from "@/lib/catalog/pages";
import { DEFAULT_PER_PAGE, PER_PAGE_CHOICES } from "@/lib/catalog/schema";

export type CatalogPagerProps = {
  /** The filters in the URL, kept by every link. */
  values: Record<string, string>;
  page: number;
  pages: number;
  per: number;
  total: number;
};

/**
 * Paging of the framework list: "Showing 101–200 of 2000", previous/next and page links, and how
 * many cards a page holds. Plain links, so they work without JavaScript and every page has a URL.
 */
export function CatalogPager({ values, page, pages, per, total }: CatalogPagerProps) {
  if (total <= PER_PAGE_CHOICES[0]) return null;
  const href = (to: { page?: number; per?: number }) => {
    const params = new URLSearchParams(values);
    const nextPer = to.per ?? per;
    if (nextPer !== DEFAULT_PER_PAGE) params.set("per", String(nextPer));
    if (to.page && to.page > 1) params.set("page", String(to.page));
    const query = params.toString();
    return query ? `/frameworks?${query}` : "/frameworks";
  };
  const first = (page - 1) * per + 1;
  const last = Math.min(page * per, total);
  return (
    <nav className="pager" aria-label="Pages of frameworks">
      <p className="pager__range">
        Showing {first}–{last} of {total}
      </p>
      {pages > 1 ? (
        <ul className="pager__pages">
          <li>
            {page > 1 ? (
              <Link href={href({ page: page - 1 })} rel="prev">
                ← Previous
              </Link>
            ) : (
              <span aria-disabled="true">← Previous</span>
            )}
          </li>
          {pageNumbers(page, pages).map((n, i) =>
            n === null ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: a gap has no identity of its own
              <li key={`gap-${i}`} aria-hidden="true">
                …
              </li>
            ) : (
              <li key={n}>
                <Link href={href({ page: n })} aria-current={n === page ? "page" : undefined} aria-label={`Page ${n}`}>
                  {n}
                </Link>
              </li>
            ),
          )}
          <li>
            {page < pages ? (
              <Link href={href({ page: page + 1 })} rel="next">
                Next →
              </Link>
            ) : (
              <span aria-disabled="true">Next →</span>
            )}
          </li>
        </ul>
      ) : null}
      <p className="pager__per">
        Per page:{" "}
        {PER_PAGE_CHOICES.map((n) => (
          <Link key={n} href={href({ per: n })} aria-current={n === per ? "true" : undefined}>
            {n}
          </Link>
        ))}
      </p>
    </nav>
  );
}
