import { cjkFaceFor, dejavuCovers } from "./fonts";

/** A stretch of text drawn with one face. */
export type Run = { face: string; text: string };

/**
 * Splits text into runs by face: DejaVu (registered under the Helvetica names) for what it
 * covers, else the CJK face that has the character. pdfText has already turned anything no face
 * covers into U+FFFD, which DejaVu draws. Whitespace is always DejaVu's: the CJK faces' spaces
 * are lost when the text is copied or extracted from the PDF.
 */
export function splitRuns(text: string, base: string): Run[] {
  const runs: Run[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    const last = runs[runs.length - 1];
    const face = dejavuCovers(code) ? base : (cjkFaceFor(code, base) ?? base);
    if (last?.face === face) last.text += char;
    else runs.push({ face, text: char });
  }
  return runs;
}

type TextArgs = [x?: number | PDFKit.Mixins.TextOptions, y?: number, options?: PDFKit.Mixins.TextOptions];

/**
 * PDFKit has no font fallback: one text() call uses one font, and a glyph the font lacks comes
 * out blank. This wraps the document's text(), widthOfString() and heightOfString() so every
 * call site (paragraphs, tables, cards, headers) draws each character with a face that has it,
 * as a chain of continued text() calls that PDFKit wraps as one paragraph.
 */
export function installFontFallback(doc: PDFKit.PDFDocument): void {
  const original = {
    font: doc.font.bind(doc),
    text: doc.text.bind(doc) as (text: string, ...args: TextArgs) => PDFKit.PDFDocument,
    widthOfString: doc.widthOfString.bind(doc),
    heightOfString: doc.heightOfString.bind(doc),
  };
  let base = "Helvetica"; // the face the code asked for; runs switch faces under it
  let inside = false; // PDFKit calls widthOfString itself while wrapping a run

  // PDFKit keeps a font under the name it was asked by, unless it already holds the same font
  // under another name (the initial face, loaded by path, is DejaVu too): then it keeps nothing,
  // and every later font("Helvetica") parsed the font file again (~13 s of a 14.5 s, 138-page
  // export quoting one Cyrillic article). So the name is remembered here.
  const families = doc as unknown as { _fontFamilies: Record<string, unknown>; _font: unknown };
  const setFont = (src: string, ...rest: unknown[]): PDFKit.PDFDocument => {
    const result = (original.font as (...args: unknown[]) => PDFKit.PDFDocument)(src, ...rest);
    if (typeof src === "string" && typeof rest[0] !== "string" && !families._fontFamilies[src])
      families._fontFamilies[src] = families._font;
    return result;
  };

  const fallbackRuns = (text: string): Run[] | null => {
    if (inside) return null;
    const runs = splitRuns(text, base);
    return runs.length === 1 && runs[0]!.face === base ? null : runs;
  };
  const withFace = <T>(face: string, measure: () => T): T => {
    inside = true;
    setFont(face);
    try {
      return measure();
    } finally {
      setFont(base);
      inside = false;
    }
  };

  doc.font = ((src: string, ...rest: unknown[]) => {
    if (!inside && typeof src === "string") base = src;
    return setFont(src, ...rest);
  }) as typeof doc.font;

  doc.text = ((text: string, ...args: TextArgs) => {
    const runs = fallbackRuns(String(text));
    if (!runs) return original.text(text, ...args);
    const [x, y, given] = (typeof args[0] === "object" ? [undefined, undefined, args[0]] : args) as [
      number | undefined,
      number | undefined,
      PDFKit.Mixins.TextOptions | undefined,
    ];
    let options = given ?? {};
    if (options.align === "center" || options.align === "right") {
      // PDFKit aligns each continued fragment on its own, so they overlap: place a line that fits
      // run by run at computed positions, and set a longer text flush left instead.
      if (x !== undefined && placeAligned(runs, x, y ?? doc.y, options)) return doc;
      options = { ...options, align: "left" };
    }
    runs.forEach((run, i) => {
      const continued = i < runs.length - 1 ? true : (options.continued ?? false);
      withFace(run.face, () =>
        i === 0 && x !== undefined
          ? original.text(run.text, x, y, { ...options, continued })
          : original.text(run.text, { ...options, continued }),
      );
    });
    return doc;
  }) as typeof doc.text;

  const placeAligned = (runs: Run[], x: number, y: number, options: PDFKit.Mixins.TextOptions): boolean => {
    const widths = runs.map((run) => withFace(run.face, () => original.widthOfString(run.text, options)));
    const total = widths.reduce((a, b) => a + b, 0);
    const width = options.width ?? total;
    if (total > width) return false;
    let left = x + (options.align === "center" ? (width - total) / 2 : width - total);
    runs.forEach((run, i) => {
      const { width: _width, align: _align, continued: _continued, ...rest } = options;
      withFace(run.face, () => original.text(run.text, left, y, { ...rest, lineBreak: false }));
      left += widths[i]!;
    });
    doc.x = x;
    doc.y = y + doc.currentLineHeight(true) + (options.lineGap ?? 0);
    return true;
  };

  doc.widthOfString = ((text: string, options?: PDFKit.Mixins.TextOptions) => {
    const runs = fallbackRuns(text);
    if (!runs) return original.widthOfString(text, options);
    return runs.reduce((sum, run) => sum + withFace(run.face, () => original.widthOfString(run.text, options)), 0);
  }) as typeof doc.widthOfString;

  // Mixed faces cannot be measured in one pass: take the taller of the text in each face used,
  // with the other characters stood in for by a wide Latin letter (CJK glyphs are one em wide).
  // It may overestimate a line, never underestimate: table rows and boxes never clip.
  doc.heightOfString = ((text: string, options?: PDFKit.Mixins.TextOptions) => {
    const runs = fallbackRuns(text);
    if (!runs) return original.heightOfString(text, options);
    const faces = [...new Set([base, ...runs.map((r) => r.face)])];
    return Math.max(
      ...faces.map((face) =>
        withFace(face, () =>
          original.heightOfString(
            runs.map((r) => (r.face === face ? r.text : "W".repeat([...r.text].length))).join(""),
            options,
          ),
        ),
      ),
    );
  }) as typeof doc.heightOfString;
}
