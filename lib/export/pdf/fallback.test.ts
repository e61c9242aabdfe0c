import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { installFontFallback } from "./fallback";
import { registerUnicodeFonts, UNICODE_INITIAL_FONT } from "./fonts";

describe("the Unicode faces on a PDF document", () => {
  it("parses each face once: font('Helvetica') twice gives the same font, not the file read again", () => {
    // Set up as writer.ts does for a briefing with text beyond Windows-1252.
    const doc = new PDFDocument({ font: UNICODE_INITIAL_FONT });
    registerUnicodeFonts(doc);
    installFontFallback(doc);
    const internals = doc as unknown as { _font: object; _fontFamilies: Record<string, object> };
    const current = () => internals._font;
    doc.font("Helvetica");
    const first = current();
    // PDFKit's own cache holds it under the name asked for (else every call opens the file anew).
    expect(internals._fontFamilies.Helvetica).toBe(first);
    doc.font("Helvetica-Bold");
    doc.font("Helvetica");
    expect(current()).toBe(first);
    // Measuring a Cyrillic word switches faces under the hood and keeps the same objects.
    doc.widthOfString("Договор 国防");
    doc.font("Helvetica");
    expect(current()).toBe(first);
    expect(internals._fontFamilies["Helvetica-Bold"]).toBeDefined();
    doc.end();
  });
});
