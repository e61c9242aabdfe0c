/**
 * Text for PDFKit's standard 14 fonts, which only carry the Windows-1252 ("WinAnsi") glyphs: no
 * font files to ship or embed, and the fastest output. Characters outside that set are written
 * without their accents when that gives a WinAnsi letter ("ş" -> "s"), as a close ASCII form for
 * common symbols, and as "?" otherwise, rather than as blank boxes.
 */

// The characters of 0x80-0x9F in Windows-1252, which PDFKit maps from their Unicode code points.
const WIN_ANSI_EXTRA = new Set("ƒ–—‘’‚“”„†‡•…€‰‹›ˆ™ŒœŠšŸŽž˜");
const FALLBACKS: Record<string, string> = {
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "-",
  "\u2212": "-",
  "\u2032": "'",
  "\u2033": '"',
  "\u2192": "->",
  "\u2190": "<-",
  "\u2264": "<=",
  "\u2265": ">=",
  "\u2260": "!=",
  "\u2248": "~",
  "\u2713": "v",
  "\u2714": "v",
  "\u2717": "x",
  "\u25CF": "\u2022",
  "\u25E6": "\u2022",
  "\u2009": " ",
  "\u200A": " ",
  "\u202F": " ",
  "\u2002": " ",
  "\u2003": " ",
  "\u200B": "",
  "\u200C": "",
  "\u200D": "",
  "\uFEFF": "",
};

function winAnsi(char: string): boolean {
  const code = char.codePointAt(0)!;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(char);
}

const cache = new Map<string, string>();

function mapChar(char: string): string {
  const known = cache.get(char);
  if (known !== undefined) return known;
  let out = FALLBACKS[char];
  if (out === undefined) {
    const stripped = char.normalize("NFKD").replace(/\p{M}/gu, "");
    out = stripped && [...stripped].every(winAnsi) ? stripped : "?";
  }
  cache.set(char, out);
  return out;
}

/** Text PDFKit's standard fonts can draw: tabs become spaces, other controls vanish. */
export function pdfText(text: string): string {
  if (/^[\x20-\x7e\n]*$/.test(text)) return text;
  let out = "";
  for (const char of text) {
    if (char === "\n") out += char;
    else if (char === "\t") out += " ";
    else if (winAnsi(char)) out += char;
    else if (char.codePointAt(0)! < 0x20 || (char.codePointAt(0)! >= 0x7f && char.codePointAt(0)! < 0xa0)) continue;
    else out += mapChar(char);
  }
  return out;
}
