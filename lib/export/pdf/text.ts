/**
 * Text for the PDF's fonts. Most briefings fit PDFKit's standard 14 fonts, which only carry the
 * Windows-1252 ("WinAnsi") glyphs: nothing to embed, and the fastest output. A briefing with other
 * characters is drawn with embedded Unicode fonts instead (see fonts.ts and withUnicodeText).
 * Characters the fonts in use lack are written without their accents when that gives a drawable
 * letter ("ş" -> "s"), as a close ASCII form for common symbols, and otherwise as U+FFFD (the
 * replacement character, drawn as a visible box by DejaVu), never as a "?" that reads as text.
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

function isControl(char: string): boolean {
  const code = char.codePointAt(0)!;
  return code < 0x20 || (code >= 0x7f && code < 0xa0);
}

const cache = new Map<string, string>();

function mapChar(char: string): string {
  const key = drawable ? char : `w${char}`; // the last resort differs between the two font sets
  const known = cache.get(key);
  if (known !== undefined) return known;
  let out = FALLBACKS[char];
  if (out === undefined) {
    const stripped = char.normalize("NFKD").replace(/\p{M}/gu, "");
    // Nothing drawable: the Unicode faces draw U+FFFD as a visible box. The standard fonts
    // cannot, but they are only used when needsUnicodeFonts found no such character.
    out = stripped && [...stripped].every(winAnsi) ? stripped : drawable ? "\uFFFD" : "?";
  }
  cache.set(key, out);
  return out;
}

/** Which characters the fonts in use can draw, while a PDF is drawn with Unicode fonts. */
let drawable: ((codePoint: number) => boolean) | null = null;

/**
 * Draws with fonts covering the code points `covers` accepts: pdfText keeps those characters.
 * PDF drawing is synchronous, so the setting holds exactly for the duration of `draw`.
 */
export function withUnicodeText<T>(covers: (codePoint: number) => boolean, draw: () => T): T {
  const previous = drawable;
  drawable = covers;
  try {
    return draw();
  } finally {
    drawable = previous;
  }
}

/** True when some character of `text` would be lost with the standard (WinAnsi) fonts. */
export function needsUnicodeFonts(text: string): boolean {
  if (!/[^\t\n\r\x20-\x7e]/.test(text)) return false; // plain ASCII text
  for (const char of text) {
    // Controls (tabs included) are replaced or dropped with either font.
    if (!isControl(char) && !winAnsi(char) && FALLBACKS[char] === undefined) return true;
  }
  return false;
}

/** Text the PDF's fonts can draw: tabs become spaces, other controls vanish. */
export function pdfText(text: string): string {
  if (/^[\x20-\x7e\n]*$/.test(text)) return text;
  const covers = drawable;
  let out = "";
  for (const char of text) {
    if (char === "\n") out += char;
    else if (char === "\t") out += " ";
    else if (isControl(char)) continue;
    else if (covers ? covers(char.codePointAt(0)!) : winAnsi(char)) out += char;
    else out += mapChar(char);
  }
  return out;
}
