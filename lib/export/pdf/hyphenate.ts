/**
 * Long words in narrow columns. PDFKit cuts a word wider than its column wherever the width runs
 * out, with no mark ("Interoperabilit" / "y"). Before such text is drawn, each word that cannot
 * fit is split with a visible hyphen at the last syllable-like boundary that fits (a vowel
 * followed by consonant + vowel), or at the last letter that fits when there is none. Hyphens are
 * break opportunities for the line breaker, so the pieces land on lines of their own.
 */

const VOWEL =
  /[aeiouyàáâäæãåāèéêëēėęîïíīįìôöòóœøōõûüùúūÿ\u0430\u0435\u0438\u043e\u0443\u044b\u044d\u044e\u044f\u0451]/i;
const LETTER = /\p{L}/u;
const MIN_PIECE = 3;

type Measure = (text: string) => number;

function isSyllableBreak(chars: string[], i: number): boolean {
  // Break before chars[i]: ...V | C V...
  const before = chars[i - 1];
  const at = chars[i];
  const after = chars[i + 1];
  if (!before || !at || !after) return false;
  return VOWEL.test(before) && LETTER.test(at) && !VOWEL.test(at) && VOWEL.test(after);
}

/** The index to break `chars` before: the last good one whose piece (plus "-") fits `width`. */
function breakIndex(chars: string[], width: number, measure: Measure): number {
  let fit = 0;
  for (let i = 1; i < chars.length; i++) {
    if (measure(`${chars.slice(0, i).join("")}-`) > width) break;
    fit = i;
  }
  if (fit < 1) return 1; // not even one letter fits: one per line
  const floor = Math.max(MIN_PIECE, Math.ceil(fit * 0.5));
  for (let i = Math.min(fit, chars.length - MIN_PIECE); i >= floor; i--) if (isSyllableBreak(chars, i)) return i;
  return Math.min(fit, chars.length - 1);
}

function splitWord(word: string, width: number, measure: Measure): string {
  const pieces: string[] = [];
  let chars = [...word];
  while (measure(chars.join("")) > width && chars.length > 1) {
    const at = breakIndex(chars, width, measure);
    pieces.push(`${chars.slice(0, at).join("")}-`);
    chars = chars.slice(at);
  }
  pieces.push(chars.join(""));
  return pieces.join("");
}

/**
 * `text` with every word wider than `width` hyphenated to fit. Words are runs without spaces,
 * slashes or existing hyphens (where PDFKit can already break). Text that fits is returned as is.
 * `size` is the font size: no glyph is wider than it, so shorter words are not measured at all.
 */
export function hyphenateToFit(text: string, width: number, size: number, measure: Measure): string {
  if (width <= 0 || !text || text.length * size <= width) return text;
  const shortest = Math.max(4, Math.floor(width / size));
  return text.replace(new RegExp(`[^\\s/\\-\\u2010-\\u2014]{${shortest},}`, "gu"), (word) =>
    measure(word) > width ? splitWord(word, width, measure) : word,
  );
}
