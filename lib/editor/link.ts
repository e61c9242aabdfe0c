/**
 * A link target typed by an author, made safe: http(s) and mailto only; a bare domain gets
 * https://. Anything else (javascript:, data:...) gives null.
 */
export function normalizeHref(input: string): string | null {
  const text = input.trim();
  if (!text) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
  try {
    const url = new URL(withScheme);
    return ["http:", "https:", "mailto:"].includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}
