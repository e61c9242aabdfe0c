import fs from "node:fs";
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
const MODULES = path.join(process.cwd(), "node_modules");
const FONT_DIR = path.join(MODULES, "dejavu-fonts-ttf", "ttf");

/**
 * Fallback faces for what DejaVu lacks: Noto Sans CJK (OFL-1.1, from the @embedpdf/fonts-* npm
 * packages). The Simplified Chinese cut has the Han characters of Chinese (simplified and
 * traditional) and Japanese kana; the Korean cut adds Hangul. No oblique cuts exist: italic text
 * uses the upright face of its weight.
 */
const CJK_FILES = {
  sc: {
    regular: path.join(MODULES, "@embedpdf", "fonts-sc", "fonts", "NotoSansHans-Regular.otf"),
    bold: path.join(MODULES, "@embedpdf", "fonts-sc", "fonts", "NotoSansHans-Bold.otf"),
  },
  kr: {
    regular: path.join(MODULES, "@embedpdf", "fonts-kr", "fonts", "NotoSansKR-Regular.otf"),
    bold: path.join(MODULES, "@embedpdf", "fonts-kr", "fonts", "NotoSansKR-Bold.otf"),
  },
} as const;
type CjkCut = keyof typeof CJK_FILES;

// Opened once per process (each export worker): fontkit parses lazily, lookups are cmap reads.
const opened = new Map<string, fontkit.Font>();
function font(file: string): fontkit.Font {
  let result = opened.get(file);
  if (!result) {
    result = fontkit.openSync(file) as fontkit.Font;
    opened.set(file, result);
  }
  return result;
}

// The font files, read once per process instead of once per document.
const bytes = new Map<string, Buffer>();
function fileBytes(file: string): Buffer {
  let result = bytes.get(file);
  if (!result) {
    result = fs.readFileSync(file);
    bytes.set(file, result);
  }
  return result;
}

const cjkName = (cut: CjkCut, bold: boolean) => `NotoSansCJK-${cut}${bold ? "-Bold" : ""}`;

/**
 * The document's initial font when drawing with the Unicode faces: PDFKit loads its initial font
 * under its name at construction, and a standard "Helvetica" loaded then would shadow the
 * registered one.
 */
export const UNICODE_INITIAL_FONT = path.join(FONT_DIR, FILES.Helvetica!);

/** Registers the Unicode faces on a PDFKit document: DejaVu under the standard names, and the CJK faces. */
export function registerUnicodeFonts(doc: PDFKit.PDFDocument): void {
  for (const [name, file] of Object.entries(FILES)) doc.registerFont(name, fileBytes(path.join(FONT_DIR, file)));
  for (const cut of Object.keys(CJK_FILES) as CjkCut[]) {
    doc.registerFont(cjkName(cut, false), fileBytes(CJK_FILES[cut].regular));
    doc.registerFont(cjkName(cut, true), fileBytes(CJK_FILES[cut].bold));
  }
}

// Which face has a code point, remembered per process: the fallback asks for every character of
// every string PDFKit measures while wrapping, and fontkit decodes its cmap anew on each lookup.
const DEJAVU = path.join(FONT_DIR, FILES.Helvetica!);
const dejavuHas = new Map<number, boolean>();
const cjkCutOf = new Map<number, CjkCut | null>();

/** True when DejaVu has a glyph for this code point. */
export function dejavuCovers(codePoint: number): boolean {
  let has = dejavuHas.get(codePoint);
  if (has === undefined) {
    has = font(DEJAVU).hasGlyphForCodePoint(codePoint);
    dejavuHas.set(codePoint, has);
  }
  return has;
}

/** The registered CJK face (bold when `base` is) that has this code point, or null. */
export function cjkFaceFor(codePoint: number, base = "Helvetica"): string | null {
  let cut = cjkCutOf.get(codePoint);
  if (cut === undefined) {
    cut =
      (Object.keys(CJK_FILES) as CjkCut[]).find((c) => font(CJK_FILES[c].regular).hasGlyphForCodePoint(codePoint)) ??
      null;
    cjkCutOf.set(codePoint, cut);
  }
  return cut === null ? null : cjkName(cut, base.includes("Bold"));
}

/** True when one of the Unicode faces (DejaVu or a CJK fallback) has a glyph for this code point. */
export function unicodeFontCovers(codePoint: number): boolean {
  return dejavuCovers(codePoint) || cjkFaceFor(codePoint) !== null;
}
