import type { SourceType } from "./source-policy";

// Hosts whose type is obvious, for sources that arrive without one (files in the older exchange
// format, rows stored before sources had types). Anything not listed becomes "reference", the
// lowest tier, so the value is flagged until an editor says what the source is.

const LEGAL_TEXT = [
  "avalon.law.yale.edu",
  "eur-lex.europa.eu",
  "treaties.un.org",
  "austlii.edu.au",
  "legislation.gov.uk",
  "zoek.officielebekendmakingen.nl",
  "treaties.fcdo.gov.uk",
];
const RESEARCH = [
  "parliament.uk",
  "aph.gov.au",
  "europarl.europa.eu",
  "congress.gov",
  "loc.gov",
  "history.state.gov",
  "cfr.org",
  "lowyinstitute.org",
  "pism.pl",
  "ussc.edu.au",
  "securitycouncilreport.org",
  "wilsoncenter.org",
  "gmfus.org",
  "nbr.org",
  "iiss.org",
  "sipri.org",
  "rand.org",
  "csis.org",
  "chathamhouse.org",
  "globalsecurity.org",
  "worldjpn.net",
  "studies.aljazeera.net",
  "cc.pacforum.org",
  "cenjows.in",
  "ids.nic.in",
];
const ACADEMIC = ["cambridge.org", "cambridgecore.org", "jstor.org", "muse.jhu.edu", "doi.org", "tandfonline.com"];
const PRESS = [
  "reuters.com",
  "apnews.com",
  "bbc.co.uk",
  "bbc.com",
  "ft.com",
  "nytimes.com",
  "washingtonpost.com",
  "theguardian.com",
  "japantimes.co.jp",
  "koreaherald.com",
  "koreajoongangdaily.joins.com",
  "straitstimes.com",
  "channelnewsasia.com",
  "thehindu.com",
  "defensenews.com",
  "defenseone.com",
  "navaltoday.com",
  "shephardmedia.com",
  "nippon.com",
  "nknews.org",
  "meduza.io",
  "lawfaremedia.org",
  "justsecurity.org",
  "thenationalnews.com",
  "indianexpress.com",
  "hindustantimes.com",
  "inquirer.net",
  "forcesnews.com",
  "euro-sd.com",
  "agenceurope.eu",
  "interfax.com.ua",
];
const OFFICIAL = [
  "un.org",
  "nato.int",
  "europa.eu",
  "asean.org",
  "aseanregionalforum.org",
  "au.int",
  "peaceau.org",
  "osce.org",
  "oas.org",
  "oea.org",
  "gcc-sg.org",
  "occar.int",
  "odkb-csto.org",
  "nordefco.org",
  "fivepowerdefencearrangements.org",
  "iaea.org",
  "usembassy.gov",
  "regjeringen.no",
  "defmin.fi",
  "franceintheus.org",
  "government.is",
  "president.go.kr",
];

const hostIn = (host: string, list: string[]) => list.some((e) => host === e || host.endsWith(`.${e}`));

/** Government domains: .gov, .gov.xx, .go.xx, .govt.nz, .gouv.fr, .mil, .int, .gc.ca. */
const GOVERNMENT =
  /(^|\.)(gov|mil|int)(\.[a-z]{2})?$|(^|\.)(go|govt|gouv|gob|gv)\.[a-z]{2}$|(^|\.)gc\.ca$|(^|\.)gov\.pl$/;

/**
 * The type a source without one gets, from its host (docs/sources.md: "Missing type"). Order
 * matters: a legal-text or research host inside a government domain keeps the more specific type.
 */
export function inferSourceType(raw: string): SourceType {
  let host: string;
  try {
    host = new URL(raw).hostname.toLowerCase().replace(/^www\./, "");
  } catch {
    return "reference";
  }
  if (hostIn(host, LEGAL_TEXT)) return "legal-text";
  if (hostIn(host, RESEARCH)) return "research";
  if (hostIn(host, ACADEMIC) || /(^|\.)(edu|ac\.[a-z]{2}|edu\.[a-z]{2})$/.test(host)) return "academic";
  if (hostIn(host, OFFICIAL) || GOVERNMENT.test(host)) return "official";
  if (hostIn(host, PRESS)) return "press";
  return "reference";
}
