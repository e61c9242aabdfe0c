/**
 * The Y.XmlFragment a briefing lives in: the Collaboration extension's default `field`. Its own
 * module so the browser editor can name it without importing document conversion (lib/briefings/doc).
 */
export const BRIEFING_FRAGMENT = "default";
