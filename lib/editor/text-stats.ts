/** Word and character counts of some text, and how long it takes to read. */
export type TextStats = { words: number; characters: number; readingMinutes: number };

/** Silent reading speed used by most editors for non-fiction prose. */
const WORDS_PER_MINUTE = 230;

const words = new Intl.Segmenter(undefined, { granularity: "word" });
const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * Counts words the way the reader's language splits them (Intl.Segmenter: "日米同盟" is two words,
 * "US-Japan" two, "don't" one) and characters as user-perceived characters (an emoji flag is one),
 * not counting line breaks between blocks.
 */
export function textStats(text: string): TextStats {
  let wordCount = 0;
  for (const segment of words.segment(text)) if (segment.isWordLike) wordCount++;
  let characters = 0;
  for (const { segment } of graphemes.segment(text)) if (segment !== "\n") characters++;
  return {
    words: wordCount,
    characters,
    readingMinutes: wordCount === 0 ? 0 : Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE)),
  };
}
