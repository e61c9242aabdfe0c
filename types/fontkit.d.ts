// The part of fontkit (PDFKit's font engine) the PDF export uses; fontkit ships no types.
declare module "fontkit" {
  export interface Font {
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function openSync(path: string): Font | { fonts: Font[] };
}
