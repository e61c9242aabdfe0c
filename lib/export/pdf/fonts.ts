import path from "node:path";
import * as fontkit from "fontkit";

/**
 * DejaVu Sans (shipped by the dejavu-fonts-ttf package, so every machine has the same files) under
 * the names the PDF code uses: registered on a document, they replace the standard Helvetica faces
 * for briefings whose text needs more than Windows-1252 (Cyrillic, Greek, Turkish, Vietnamese...).
 */
const FILES: Record<string, string> = {
  Helvetica: "DejaVuSans.ttf",
  "Helvetica-Bold": "DejaVuSans-Bold.ttf",
  "Helvetica-Oblique": "DejaVuSans-Oblique.ttf",
  "Helvetica-BoldOblique": "DejaVuSans-BoldOblique.ttf",
};

// Resolved from the working directory (the app's root) rather than through a bundler's module graph.
const FONT_DIR = path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");

let regular: fontkit.Font | undefined;

/**
 * The document's initial font when drawing with the Unicode faces: PDFKit loads its initial font
 * under its name at construction, and a standard "Helvetica" loaded then would shadow the
 * registered one.
 */
export const UNICODE_INITIAL_FONT = path.join(FONT_DIR, FILES.Helvetica!);

/** Registers the Unicode faces on a PDFKit document under the standard face names. */
export function registerUnicodeFonts(doc: PDFKit.PDFDocument): void {
  for (const [name, file] of Object.entries(FILES)) doc.registerFont(name, path.join(FONT_DIR, file));
}

/** True when the Unicode faces have a glyph for this code point. */
export function unicodeFontCovers(codePoint: number): boolean {
  regular ??= fontkit.openSync(path.join(FONT_DIR, FILES.Helvetica!)) as fontkit.Font;
  return regular.hasGlyphForCodePoint(codePoint);
}
