// Catalog dates of known precision, stored as ISO 8601 text (EDTF level 1 for "approximately"):
//   "1949-08-24" day · "2007-05" month · "1948" year · "1956~" / "2007-05~" approximately.
// A date known only to the year is "1948", never "1948-01-01": that would claim a precision we do
// not have. No schema library here: the browser formats dates too.

export type DatePrecision = "day" | "month" | "year";
export type PartialDate = {
  year: number;
  month?: number;
  day?: number;
  precision: DatePrecision;
  approximate: boolean;
};

const CANONICAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(~)?$/;
const CIRCA = /^(?:c\.|ca\.|circa)\s*(\d{4}(?:-\d{2}(?:-\d{2})?)?)$/i;

/** "c. 1956" -> "1956~"; other text unchanged (trimmed). Accepts the README's input aliases. */
export function normalizeDate(text: string): string {
  const t = text.trim();
  const circa = CIRCA.exec(t);
  return circa ? `${circa[1]}~` : t;
}

/** Parses a canonical date; null when it is not one or names a day that does not exist. */
export function parseDate(text: string): PartialDate | null {
  const m = CANONICAL.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] === undefined ? undefined : Number(m[2]);
  const day = m[3] === undefined ? undefined : Number(m[3]);
  if (month !== undefined && (month < 1 || month > 12)) return null;
  if (day !== undefined && month !== undefined) {
    const d = new Date(Date.UTC(year, month - 1, day));
    if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  }
  const precision: DatePrecision = day !== undefined ? "day" : month !== undefined ? "month" : "year";
  return { year, month, day, precision, approximate: m[4] === "~" };
}

/** The date without its approximation mark: what comparisons and sorting use. */
export const dateKey = (text: string) => text.replace(/~$/, "");

/** Whether `later` can be on or after `earlier` at their precisions ("1999" is not before "1999-04-20"). */
export function notBefore(later: string, earlier: string): boolean {
  const a = dateKey(later);
  const b = dateKey(earlier);
  return a >= b || b.startsWith(a);
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * A catalog date as people read it, at its precision: "24 Aug 1949", "May 2007", "1948",
 * "c. 1956". The one date formatter of the catalog, matrix, cards and exports; "—" for none.
 */
export function formatDate(text: string | null | undefined): string {
  if (!text) return "—";
  const d = parseDate(text);
  if (!d) return text;
  const month = d.month === undefined ? "" : `${MONTHS[d.month - 1]} `;
  const day = d.day === undefined ? "" : `${d.day} `;
  return `${d.approximate ? "c. " : ""}${day}${month}${d.year}`;
}

/** The precision a date is shown at, for labels and tests: "day", "month", "year" or "approximate". */
export function precisionLabel(text: string): DatePrecision | "approximate" | null {
  const d = parseDate(text);
  if (!d) return null;
  return d.approximate ? "approximate" : d.precision;
}
