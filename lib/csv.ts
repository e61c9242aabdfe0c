/**
 * RFC 4180 CSV: fields with commas, quotes or line breaks are quoted; quotes are doubled.
 *
 * Formula injection: a spreadsheet runs a cell that starts with = + - @ (or tab / CR before one)
 * as a formula, so such text is written with a leading single quote, as OWASP advises; spreadsheet
 * apps show the quote-prefixed text as text. Decision: a field that is a plain decimal number
 * ("-5", "+1.5", or a JS number) is left alone, because a spreadsheet reads it as a number and
 * never as a formula, and prefixing it would turn every negative figure into text. To keep the
 * file reversible, text that already starts with quotes before such a character gets one more
 * quote; parseCsv removes exactly one (see restoreFormulaText).
 */

const needsQuotes = /[",\r\n]/;
// Quotes already in front of a trigger character are counted, so the prefix can be undone exactly.
const FORMULA_START = /^'*[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;

/** The text a spreadsheet shows as text: a leading quote before anything it would run as a formula. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** Undoes neutraliseFormula: the one quote it added, and nothing from any other cell. */
export function restoreFormulaText(text: string): string {
  return NEUTRALISED.test(text) ? text.slice(1) : text;
}

function field(value: string | number | boolean | null | undefined): string {
  const raw = value === null || value === undefined ? "" : String(value);
  const text = typeof value === "string" ? neutraliseFormula(raw) : raw;
  return needsQuotes.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Serialises rows as CSV with CRLF line ends. `bom` prefixes the UTF-8 byte-order mark that
 * spreadsheet apps need to read UTF-8. */
export function toCsv(
  rows: readonly (readonly (string | number | boolean | null | undefined)[])[],
  bom = false,
): string {
  const body = rows.map((row) => row.map(field).join(",")).join("\r\n");
  return `${bom ? "\uFEFF" : ""}${body}\r\n`;
}

/**
 * Parses CSV text into rows of fields, removing the quote toCsv put before formula-like text.
 * Throws with a line number on an unterminated quote.
 */
export function parseCsv(text: string): string[][] {
  const src = text.replace(/^\uFEFF/, "");
  const rows: string[][] = [];
  let row: string[] = [];
  let cur = "";
  let i = 0;
  let line = 1;
  let quoted = false;
  let quoteStartLine = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cur += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else {
        if (ch === "\n") line++;
        cur += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && cur === "") {
      quoted = true;
      quoteStartLine = line;
    } else if (ch === ",") {
      row.push(cur);
      cur = "";
    } else if (ch === "\n" || ch === "\r") {
      row.push(cur);
      rows.push(row);
      row = [];
      cur = "";
      if (ch === "\r" && src[i + 1] === "\n") i++;
      line++;
    } else cur += ch;
    i++;
  }
  if (quoted) throw new Error(`CSV: the quoted field opened on line ${quoteStartLine} is never closed`);
  if (cur !== "" || row.length) {
    row.push(cur);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === "")).map((r) => r.map(restoreFormulaText));
}
