const ALLOWED_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);

/**
 * A link target that is safe to write into any export or page: an absolute http, https or mailto
 * URL, normalised by the URL parser (so "JaVaScRiPt&colon;", tabs inside the scheme and similar
 * tricks are judged on what a browser would see). Anything else, including relative and
 * protocol-relative URLs, gives null: the text is kept, the link is dropped.
 */
export function safeUrl(raw: unknown): string | null {
  if (typeof raw !== "string") return null;
  // Browsers strip leading/trailing C0 controls and spaces and remove tabs/newlines anywhere.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: this strips the controls browsers ignore.
  const cleaned = raw.replace(/[\t\n\r]/g, "").replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "");
  if (!cleaned || cleaned.length > 2048) return null;
  let url: URL;
  try {
    url = new URL(cleaned);
  } catch {
    return null;
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) return null;
  if (url.protocol !== "mailto:" && !url.hostname) return null;
  return url.href;
}
