/** RFC 4180 CSV: fields with commas, quotes or line breaks are quoted; quotes are doubled. */

const needsQuotes = /[",\r\n]/;

function field(value: string | number | boolean | null | undefined): string {
  const text = value === null || value === undefined ? "" : String(value);
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

/** Parses CSV text into rows of fields. Throws with a line number on an unterminated quote. */
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
  return rows.filter((r) => !(r.length === 1 && r[0] === ""));
}
