import type { CatalogFeedEntry } from "./change-feed";

// The catalog change feed as Atom 1.0 (RFC 4287), for feed readers: one entry per change.

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Text safe in XML 1.0 content and attributes: escaped, and without the characters XML forbids. */
export function xmlText(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
    .replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}

function entryTitle(e: CatalogFeedEntry): string {
  return `${e.frameworkName ?? "Catalog"}: ${e.verb} ${e.what}`;
}

function entrySummary(e: CatalogFeedEntry): string {
  const sources = (label: string, list: CatalogFeedEntry["afterSources"]) =>
    list.length ? ` ${label} sources: ${list.map((s) => `${s.title} <${s.url}>`).join("; ")}.` : "";
  return `${e.before} → ${e.after}.${sources("Old", e.beforeSources)}${sources("New", e.afterSources)} By ${e.changedBy}.`;
}

/**
 * The Atom document of a page of changes. `baseUrl` is the app's public URL; `selfPath` the feed's
 * own path (with its query). Entry ids are tag URIs of the change ids, stable across hosts.
 */
export function catalogAtom(entries: CatalogFeedEntry[], baseUrl: string, selfPath: string): string {
  const updated = entries[0]?.createdAt ?? new Date(0).toISOString();
  const items = entries.map(
    (e) => `  <entry>
    <id>tag:briefing-editor,2026:catalog-change:${xmlText(e.id)}</id>
    <title>${xmlText(entryTitle(e))}</title>
    <updated>${e.createdAt}</updated>
    <author><name>${xmlText(e.changedBy)}</name></author>
    <link rel="alternate" href="${xmlText(baseUrl + e.href)}"/>
    <summary type="text">${xmlText(entrySummary(e))}</summary>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${xmlText(`${baseUrl}/frameworks/changes`)}</id>
  <title>Framework catalog changes</title>
  <updated>${updated}</updated>
  <link rel="self" type="application/atom+xml" href="${xmlText(baseUrl + selfPath)}"/>
  <link rel="alternate" type="text/html" href="${xmlText(`${baseUrl}/frameworks/changes`)}"/>
${items.join("\n")}
</feed>
`;
}
