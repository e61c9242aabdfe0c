// The source policy (docs/sources.md): what a citation in the catalog may point at. Pure data and
// functions with no schema library, so the browser can show types and flags without loading zod.

/** Source types with their display labels, in tier order. */
export const SOURCE_TYPES = {
  "legal-text": "Treaty or legal text",
  official: "Official government or organisation page",
  research: "Parliamentary or research service",
  academic: "Academic",
  press: "Reputable press",
  reference: "Reference work",
} as const;

export type SourceType = keyof typeof SOURCE_TYPES;

/** 1 = primary (the text or its owner), 2 = secondary (analysis, reporting), 3 = tertiary (reference works). */
export const SOURCE_TIERS: Record<SourceType, 1 | 2 | 3> = {
  "legal-text": 1,
  official: 1,
  research: 2,
  academic: 2,
  press: 2,
  reference: 3,
};

export const isSourceType = (v: string): v is SourceType => Object.hasOwn(SOURCE_TYPES, v);

/** Hosts never acceptable, with the reason shown to whoever cites them. A host matches itself and its subdomains. */
const DENIED_HOSTS: Record<string, string> = {};
const deny = (reason: string, hosts: string[]) => {
  for (const h of hosts) DENIED_HOSTS[h] = reason;
};
deny("an AI-generated encyclopedia", ["grokipedia.com"]);
deny("a children's encyclopedia", ["kids.britannica.com", "kiddle.co", "ducksters.com"]);
deny("a Wikipedia mirror (cite Wikipedia itself, or better the source it cites)", [
  "owiki.org",
  "piglix.com",
  "liquisearch.com",
  "en-academic.com",
  "encyclopedia2.thefreedictionary.com",
  "wiki.x.io",
  "a.osmarks.net",
  "wikiwand.com",
  "alchetron.com",
  "infogalactic.com",
  "everybodywiki.com",
  "encyclopediahub.com",
  "dkosopedia.com",
  "blogen.wiki",
  "countries4.tripod.com",
]);
deny("a user-edited fan wiki", ["fandom.com"]);
deny("a document dump or pirated copy (cite the publisher or the official text)", [
  "scribd.com",
  "docslib.org",
  "paperzz.com",
  "dokumen.tips",
  "studyres.com",
  "issuhub.com",
  "pdfcoffee.com",
  "studylib.net",
  "vdocuments.mx",
  "ezoteriker.ru",
  "bitlanders.com",
]);
deny("a content farm or aggregator (cite the original publication)", [
  "gkseries.com",
  "publishyourarticles.net",
  "topaccolade.com",
  "askvity.info",
  "latestly.com",
  "thefederalnewswire.com",
  "newsfromrss.com",
  "pubt.io",
  "tickerdossier.com",
  "latestnewsx.com",
  "twentyfoursevennews.com",
  "thebriefwire.com",
  "newsbulletin247.com",
  "squawknews.com",
  "shadowaiwatch.com",
  "eyeon.ai",
  "thenewsintel.com",
  "europeworldnews.com",
  "knfoz.com",
  "kaweru.com",
  "deepnewz.com",
  "universalinstitutions.com",
  "radiohangar.com",
  "devdiscourse.com",
  "einpresswire.com",
  "einnews.com",
  "menafn.com",
  "miragenews.com",
  "wired-gov.net",
  "strategicstudyindia.com",
  "redcensor.com",
  "parallelparliament.co.uk",
  "pubaffairsbruxelles.eu",
  "history.howstuffworks.com",
]);
deny("a discussion forum", ["navy-net.co.uk", "reddit.com", "quora.com"]);
deny("a state-propaganda outlet", [
  "tass.com",
  "rt.com",
  "sputnikglobe.com",
  "sputniknews.com",
  "journal-neo.su",
  "cgtn.com",
  "globaltimes.cn",
  "china.org.cn",
  "presstv.ir",
]);

/** URL shapes never acceptable whatever the host. */
const DENIED_PATTERNS: { test: RegExp; reason: string }[] = [
  { test: /^https?:\/\/[^/]*\.(blogspot|tripod|blogia)\.com\//i, reason: "a personal blog or home page" },
  { test: /^https?:\/\/webcache\.googleusercontent\.com\//i, reason: "a search-engine cache" },
  { test: /^https?:\/\/[^/]*\.translate\.goog\//i, reason: "a machine-translation proxy" },
];

/** A path that only names the site, a language or its index page: "/", "/en/", "/uk/index.html". */
const HOME_PATH = /^\/(?:[a-z]{2}(?:[-_][a-z]{2})?\/?)?(?:index\.(?:html?|php|aspx?))?$/i;

/** Web archive wrappers are judged by the page they archived. */
function unwrapArchive(url: URL): URL {
  const inner = /\/web\/\d+[a-z_]*\/(https?:\/\/.+)$/i.exec(url.pathname + url.search);
  if (!inner?.[1]) return url;
  try {
    return new URL(inner[1]);
  } catch {
    return url;
  }
}

const hostMatches = (host: string, entry: string) => host === entry || host.endsWith(`.${entry}`);

export type SourceVerdict = { ok: true } | { ok: false; reason: string };

/**
 * Whether a URL may be cited in the catalog: not a denied host or pattern, and not a site's home
 * page (a citation must point at the page that supports the value). The reason is a sentence
 * fragment for messages: `"https://owiki.org/x" is a Wikipedia mirror ...`.
 */
export function checkSourceUrl(raw: string): SourceVerdict {
  let url: URL;
  try {
    url = unwrapArchive(new URL(raw));
  } catch {
    return { ok: false, reason: "is not a URL" };
  }
  const host = url.hostname.toLowerCase().replace(/^www\./, "");
  for (const [entry, reason] of Object.entries(DENIED_HOSTS)) {
    if (hostMatches(host, entry)) return { ok: false, reason: `is ${reason}; ${entry} is never an acceptable source` };
  }
  for (const p of DENIED_PATTERNS) if (p.test.test(url.href)) return { ok: false, reason: `is ${p.reason}` };
  if (HOME_PATH.test(url.pathname) && !url.search) {
    return { ok: false, reason: "is a site's home page; cite the page that supports the value" };
  }
  return { ok: true };
}

/** The message for a refused source, the same in import problems, action errors and the UI. */
export function sourceRefusal(url: string, reason: string): string {
  return `"${url}" ${reason}.`;
}

export { inferSourceType } from "./source-hosts";
